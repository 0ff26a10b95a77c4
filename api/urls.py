from django.urls import include, path
from rest_framework.routers import DefaultRouter

from api import views

app_name = "api"

router = DefaultRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("documents", views.DocumentViewSet, basename="document")
router.register("units", views.UnitViewSet, basename="unit")
router.register("officials", views.OfficialViewSet, basename="official")
router.register("honours", views.HonourViewSet, basename="honour")
router.register("statistics", views.StatisticViewSet, basename="statistic")

urlpatterns = [
    path("api/", views.catalogue, name="catalogue"),
    path("api/schema/", views.SchemaView.as_view(), name="schema"),
    path("api/docs/", views.DocsView.as_view(), name="docs"),
    path("api/v1/", include(router.urls)),
]
