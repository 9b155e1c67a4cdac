"""The admin site ("beheer") is for administrators only; it sees everything, like they do."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from koers.core.models import APIToken, Client, FileAccess, Location, Membership, Organisation, User


class LocationInline(admin.TabularInline):
    model = Location
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "enterprise_number", "is_active")
    list_filter = ("kind", "is_active")
    search_fields = ("name", "working_name", "enterprise_number")
    inlines = [LocationInline]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    fk_name = "user"


@admin.register(User)
class KoersUserAdmin(UserAdmin, SimpleHistoryAdmin):
    list_display = ("username", "first_name", "last_name", "email", "is_active")
    inlines = [MembershipInline]
    fieldsets = (*UserAdmin.fieldsets, ("Koers", {"fields": ("company", "phone")}))


@admin.register(Client)
class ClientAdmin(SimpleHistoryAdmin):
    # No national number here: it is encrypted and only shown masked or through the app.
    list_display = ("last_name", "first_name", "organisation", "postal_code", "created_at")
    list_select_related = ("organisation",)
    search_fields = ("search_name", "email")
    list_filter = ("organisation",)
    readonly_fields = ("created_at", "updated_at")


@admin.register(FileAccess)
class FileAccessAdmin(admin.ModelAdmin):
    list_display = ("opened_at", "user", "client_id", "channel")
    list_select_related = ("user",)
    date_hierarchy = "opened_at"

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False


@admin.register(APIToken)
class APITokenAdmin(admin.ModelAdmin):
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    readonly_fields = ("key_hash", "prefix")
