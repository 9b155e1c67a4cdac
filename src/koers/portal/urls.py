from django.urls import path

from koers.portal import transition, views

urlpatterns = [
    path("", views.portal_home, name="portal_home"),
    path("aanmelden/", views.portal_login, name="portal_login"),
    path("aanmelden/<str:token>/", views.portal_enter, name="portal_enter"),
    path("afmelden/", views.portal_logout, name="portal_logout"),
    path("pop/<int:pk>/", views.portal_pop, name="portal_pop"),
    path("intake/", transition.portal_intake, name="portal_intake"),
    path("evaluatie/<str:token>/", views.portal_evaluation, name="portal_evaluation"),
]
