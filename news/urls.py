from django.urls import path
from django.views.decorators.http import conditional_page

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
    # ETag and Last-Modified: feed readers poll; an unchanged feed costs them a 304.
    path("rss/", conditional_page(LatestArticlesFeed()), name="feed"),
]
