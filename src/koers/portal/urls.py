from django.urls import path

from koers.portal import views

urlpatterns = [
    path("", views.portal_home, name="portal_home"),
    path("aanmelden/", views.portal_login, name="portal_login"),
    path("aanmelden/<str:token>/", views.portal_enter, name="portal_enter"),
    path("afmelden/", views.portal_logout, name="portal_logout"),
    path("pop/<int:pk>/", views.portal_pop, name="portal_pop"),
    path("evaluatie/<str:token>/", views.portal_evaluation, name="portal_evaluation"),
]
