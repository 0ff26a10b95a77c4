"""django-axes' records in the admin, with every action declaring its permission.

axes registers its own admin classes; its "clean up expired attempts" action declares no
permission, so anyone allowed to see the list could run it. ``AXES_ENABLE_ADMIN = False``
stops axes registering them and the same classes are registered here, the action asking
for the delete permission (it deletes records).
"""

from axes import admin as axes_admin
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib import admin
from django.utils.translation import gettext_lazy as _


@admin.register(AccessAttempt)
class AccessAttemptAdmin(axes_admin.AccessAttemptAdmin):
    @admin.action(description=_("Xóa các lần thử đã hết hạn"), permissions=["delete"])
    def cleanup_expired_attempts(self, request, queryset):
        count = self.handler.clean_expired_user_attempts(request=request)
        self.message_user(request, _("Đã xóa %(count)d lần thử đã hết hạn.") % {"count": count})


@admin.register(AccessLog)
class AccessLogAdmin(axes_admin.AccessLogAdmin):
    pass


@admin.register(AccessFailureLog)
class AccessFailureLogAdmin(axes_admin.AccessFailureLogAdmin):
    pass
