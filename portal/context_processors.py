from django.conf import settings
from django.utils.functional import SimpleLazyObject

from agency.selectors import site_contact

# Until staff enter the department in the admin ("Cơ cấu tổ chức").
FALLBACK_CONTACT = {
    "address": "Số 044, đường Hoàng Đình Giong, phường Hợp Giang, tỉnh Cao Bằng",
    "phone": "0206.3852.648",
    "email": "sokhcn@caobang.gov.vn",
}


def site(request):
    """The department's name and contacts, used by the layout on every page."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_CONTACT": SimpleLazyObject(lambda: site_contact() or FALLBACK_CONTACT),
        "EMC_SCRIPT_URL": settings.EMC_SCRIPT_URL,
        "EMC_SITE_ID": settings.EMC_SITE_ID,
    }
