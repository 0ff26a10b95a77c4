from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("van-ban/", views.document_list, name="document_list"),
    path("van-ban/<int:pk>/", views.document_detail, name="document_detail"),
    path("van-ban/du-thao/", views.draft_list, name="draft_list"),
    path("van-ban/du-thao/<int:pk>/", views.draft_detail, name="draft_detail"),
    path("van-ban/<int:pk>/tai-ve/", views.document_download, name="document_download"),
]
