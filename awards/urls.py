from django.urls import path, re_path

from awards import views

app_name = "awards"

urlpatterns = [
    path("dien-hinh-tien-tien/", views.period_list, name="period_list"),
    re_path(
        r"^dien-hinh-tien-tien/xuat/de-cu\.(?P<fmt>xlsx|csv)$",
        views.export_nominations,
        name="export_nominations",
    ),
    re_path(
        r"^dien-hinh-tien-tien/xuat/quyet-dinh\.(?P<fmt>xlsx|csv)$",
        views.export_decisions,
        name="export_decisions",
    ),
    path(
        "dien-hinh-tien-tien/tap-the/<int:pk>/", views.collective_detail, name="collective_detail"
    ),
    path(
        "dien-hinh-tien-tien/ca-nhan/<int:pk>/", views.individual_detail, name="individual_detail"
    ),
    path("dien-hinh-tien-tien/quyet-dinh/<int:pk>/", views.decision_detail, name="decision_detail"),
    path(
        "dien-hinh-tien-tien/quyet-dinh/<int:pk>/ban-in/",
        views.decision_print,
        name="decision_print",
    ),
    path(
        "dien-hinh-tien-tien/quyet-dinh/<int:pk>/giay-khen/<int:nomination_pk>/",
        views.certificate_print,
        name="certificate_print",
    ),
    path("dien-hinh-tien-tien/<slug:slug>/", views.honour_board, name="honour_board"),
]
