from django.urls import path

from news import views
from news.feeds import LatestArticlesFeed

app_name = "news"

urlpatterns = [
    path("", views.home, name="home"),
    path("tin-tuc/", views.article_list, name="list"),
    path("tin-tuc/chuyen-muc/<slug:slug>/", views.category_detail, name="category"),
    path("tin-tuc/<slug:slug>/", views.article_detail, name="article"),
    path("tin-tuc/<slug:slug>/luu/", views.article_download, name="download"),
    path("tim-kiem/", views.search, name="search"),
    path("rss/", LatestArticlesFeed(), name="feed"),
]
