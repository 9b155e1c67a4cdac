from django.urls import path

from koers.core.views import tokens as views_tokens

urlpatterns = [
    path("", views_tokens.token_list, name="token_list"),
    path("nieuw/", views_tokens.token_create, name="token_create"),
    path("<int:pk>/intrekken/", views_tokens.token_revoke, name="token_revoke"),
]
