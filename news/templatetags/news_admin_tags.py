"""The admin index's "Bài chờ duyệt": what the editorial workflow waits for from this user."""

from django import template
from django.db.models import Q
from django.urls import reverse

from news import workflow
from news.models import Article, Category

register = template.Library()

QUEUE_LIMIT = 20


def queue_filter(user):
    """The articles waiting for ``user``: submitted ones for a reviewer, approved ones for a
    publisher (in the categories they may publish in), their own returned ones for a writer."""
    Status = Article.Status
    waiting = Q(pk__in=[])
    if user.is_superuser or user.has_perm(workflow.PERM_REVIEW):
        waiting |= Q(status=Status.SUBMITTED)
    if user.is_superuser:
        waiting |= Q(status=Status.APPROVED)
    elif user.has_perm(workflow.PERM_PUBLISH):
        closed = Category.objects.filter(publishers__isnull=False).exclude(publishers=user)
        waiting |= Q(status=Status.APPROVED) & ~Q(category__in=closed)
    waiting |= Q(status=Status.RETURNED, author=user)
    return waiting


@register.inclusion_tag("news/admin/editorial_queue.html", takes_context=True)
def editorial_queue(context):
    """One query: the first waiting articles with their category and author."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_staff or not user.has_perm("news.view_article"):
        return {"shown": False}
    articles = list(
        Article.objects.filter(queue_filter(user))
        .select_related("category", "author")
        .order_by("updated_at", "id")[: QUEUE_LIMIT + 1]
    )
    changelist = reverse("admin:news_article_changelist")
    return {
        "shown": True,
        "articles": articles[:QUEUE_LIMIT],
        "more": len(articles) > QUEUE_LIMIT,
        "changelist": changelist,
    }
