from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from koers.trajectories.models import Assignment, Contact, Document, Plan, PlanVersion, Trajectory


@admin.register(Trajectory)
class TrajectoryAdmin(SimpleHistoryAdmin):
    list_display = ("id", "client", "programme", "status", "responsible", "start_date")
    list_filter = ("programme", "status")
    list_select_related = ("client", "responsible")
    raw_id_fields = ("client", "responsible")


@admin.register(Contact)
class ContactAdmin(SimpleHistoryAdmin):
    list_display = ("starts_at", "trajectory_id", "form", "duration_minutes", "outcome")
    list_filter = ("form", "outcome")
    raw_id_fields = ("trajectory", "staff")


class PlanVersionInline(admin.TabularInline):
    model = PlanVersion
    extra = 0
    readonly_fields = ("number", "content", "author", "author_is_client", "created_at")


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "trajectory_id", "finalised_at")
    raw_id_fields = ("trajectory",)
    inlines = [PlanVersionInline]


admin.site.register(Assignment, SimpleHistoryAdmin)
admin.site.register(Document, SimpleHistoryAdmin)
