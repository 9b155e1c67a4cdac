# The billing app's first migration: its tables come in the migrations of its parts.
from django.db import migrations


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = []
