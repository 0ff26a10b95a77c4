from django.urls import path

from banners import views

app_name = "banners"

urlpatterns = [
    path("qc/<int:pk>/", views.click, name="click"),
]
