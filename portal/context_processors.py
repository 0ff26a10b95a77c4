from django.conf import settings


def site(request):
    """The department's name and contacts, used by the layout on every page."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_CONTACT": {
            "address": "Số 044, đường Hoàng Đình Giong, phường Hợp Giang, thành phố Cao Bằng, "
            "tỉnh Cao Bằng",
            "phone": "0206.3852.648",
            "email": "sokhcn@caobang.gov.vn",
        },
    }
