"""The editorial workflow: who may move an article from which state to which.

States (``Article.Status``): draft → submitted ("Chờ duyệt") → approved ("Đã duyệt, chờ
đăng") → published, and "returned" ("Bị trả lại", with a reason) from each step. Only
``published`` is ever public (``ArticleQuerySet.published()``).

Every change of state goes through :func:`transition` (buttons and actions of the admin),
or, for a publisher who picks the status in the form, is checked by :func:`check_status_change`
and recorded by :func:`record`. Each step writes an ``ArticleWorkflowEvent`` (who, from,
to, when, why), so the article's "Lịch sử duyệt bài" shows who did each step.

Permissions (``Article.Meta.permissions``), given to the groups made by migration 0007:

- ``submit_article`` (Phóng viên / Biên tập viên): submit one's own draft or returned article;
- ``review_article`` (Thư ký tòa soạn): approve or return a submitted article;
- ``publish_article`` (Lãnh đạo): publish (from any unpublished state), unpublish, return.

A category with ``publishers`` is published only by them (and superusers).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from news.models import Article, ArticleWorkflowEvent
from news.services import article_publish, article_publish_now

Status = Article.Status

SUBMIT, APPROVE, RETURN, PUBLISH, UNPUBLISH = "submit", "approve", "return", "publish", "unpublish"

# action: (states it starts from, state it leads to, button label)
TRANSITIONS = {
    SUBMIT: ({Status.DRAFT, Status.RETURNED}, Status.SUBMITTED, "Gửi duyệt"),
    APPROVE: ({Status.SUBMITTED}, Status.APPROVED, "Duyệt bài"),
    PUBLISH: (
        {Status.DRAFT, Status.SUBMITTED, Status.APPROVED, Status.RETURNED},
        Status.PUBLISHED,
        "Đăng bài",
    ),
    UNPUBLISH: ({Status.PUBLISHED}, Status.DRAFT, "Gỡ bài về bản nháp"),
    # Last: the one button with a text box (its reason) comes after the plain buttons.
    RETURN: ({Status.SUBMITTED, Status.APPROVED, Status.PUBLISHED}, Status.RETURNED, "Trả lại"),
}

PERM_SUBMIT = "news.submit_article"
PERM_REVIEW = "news.review_article"
PERM_PUBLISH = "news.publish_article"


_EDIT_ARTICLES = [
    ("news", "view_article"),
    ("news", "add_article"),
    ("news", "change_article"),
    ("news", "submit_article"),
    ("news", "view_category"),
    ("news", "view_articleattachment"),
    ("news", "add_articleattachment"),
    ("news", "change_articleattachment"),
    ("news", "delete_articleattachment"),
]

# The editorial groups and their permissions; migration 0007 made them with a frozen copy
# of this table, ``ensure_editorial_groups`` (``loaddemo``) makes them again when missing.
EDITORIAL_GROUPS = {
    "Phóng viên / Biên tập viên": _EDIT_ARTICLES,
    "Thư ký tòa soạn": [*_EDIT_ARTICLES, ("news", "review_article")],
    "Lãnh đạo": [*_EDIT_ARTICLES, ("news", "review_article"), ("news", "publish_article")],
}


def ensure_editorial_groups():
    """Create the editorial groups (with their permissions) where missing; idempotent."""
    from django.contrib.auth.models import Group, Permission

    groups = {}
    for name, codenames in EDITORIAL_GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in codenames:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)
        groups[name] = group
    return groups


def refusal_text(error):
    """The Vietnamese sentence of a refusal raised here."""
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or "Bạn không có quyền thực hiện thao tác này."


def may_publish_in(user, category):
    """Publish permission, and, when the category names its publishers, being one of them."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not user.has_perm(PERM_PUBLISH):
        return False
    if category is None:
        return True
    publishers = category.publishers.all()
    return not publishers.exists() or publishers.filter(pk=user.pk).exists()


def may_preview(user):
    """Who may open an article that is not public (a draft, a scheduled one) on the site:
    staff who may see articles in the admin. Other staff (the awards secretariat, say) get
    the public's 404."""
    if not (user.is_active and user.is_staff):
        return False
    return user.has_perm("news.view_article") or user.has_perm("news.change_article")


def may_edit(user, article):
    """Who may change an article's content in the admin.

    Superusers and publishers: any article (a published one only in a category they may
    publish in, since editing it changes what readers see). Reviewers: any article not
    published. Writers: their own drafts and returned articles.
    """
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    if article.status == Status.PUBLISHED:
        return may_publish_in(user, article.category)
    if user.has_perm(PERM_PUBLISH) or user.has_perm(PERM_REVIEW):
        return True
    return article.author_id == user.pk and article.status in (Status.DRAFT, Status.RETURNED)


def check(user, article, action, reason=""):
    """Raise ``PermissionDenied``/``ValidationError`` (Vietnamese) unless ``user`` may do
    ``action`` on ``article`` in its current state."""
    if action not in TRANSITIONS:
        raise ValidationError("Thao tác không có trong quy trình duyệt bài.")
    sources, _target, label = TRANSITIONS[action]
    if article.status not in sources:
        raise ValidationError(
            f"Không thể “{label}” bài đang ở trạng thái “{article.get_status_display()}”."
        )
    if not user.is_active:
        raise PermissionDenied("Tài khoản đã bị khóa.")
    if user.is_superuser:
        pass
    elif action == SUBMIT:
        if not user.has_perm(PERM_SUBMIT):
            raise PermissionDenied("Bạn không có quyền gửi bài chờ duyệt.")
        own = article.author_id == user.pk
        if not own and not (user.has_perm(PERM_REVIEW) or user.has_perm(PERM_PUBLISH)):
            raise PermissionDenied("Bạn chỉ được gửi duyệt bài của chính mình.")
    elif action == APPROVE:
        if not user.has_perm(PERM_REVIEW):
            raise PermissionDenied("Chỉ Thư ký tòa soạn được duyệt bài.")
    elif action == RETURN:
        if article.status == Status.PUBLISHED:
            if not may_publish_in(user, article.category):
                raise PermissionDenied("Chỉ người có quyền đăng bài được trả lại bài đã đăng.")
        elif not (user.has_perm(PERM_REVIEW) or user.has_perm(PERM_PUBLISH)):
            raise PermissionDenied("Chỉ Thư ký tòa soạn hoặc Lãnh đạo được trả lại bài.")
    elif action in (PUBLISH, UNPUBLISH):
        if not user.has_perm(PERM_PUBLISH):
            raise PermissionDenied("Chỉ Lãnh đạo (người có quyền đăng bài) được đăng hoặc gỡ bài.")
        if not may_publish_in(user, article.category):
            raise PermissionDenied(
                f"Chỉ những người được giao đăng bài của chuyên mục “{article.category}” mới "
                "được đăng hoặc gỡ bài trong chuyên mục này."
            )
    if action == RETURN and not (reason or "").strip():
        raise ValidationError("Cần ghi lý do trả lại để người viết biết phải sửa gì.")


def available_actions(user, article):
    """The actions ``user`` may take on ``article`` now: ``[(action, label)]``."""
    allowed = []
    for action, (_sources, _target, label) in TRANSITIONS.items():
        try:
            check(user, article, action, reason="-")
        except (PermissionDenied, ValidationError):
            continue
        allowed.append((action, label))
    return allowed


def record(article, from_status, to_status, actor, reason="", at=None):
    """Write the workflow step (who moved ``article`` from which state to which, why)."""
    return ArticleWorkflowEvent.objects.create(
        article=article,
        from_status=from_status or "",
        to_status=to_status,
        actor=actor if getattr(actor, "pk", None) else None,
        reason=(reason or "").strip(),
        at=at or timezone.now(),
    )


def check_status_change(user, article, old_status, new_status):
    """A status picked in the admin form (publishers only): allowed only as a transition
    ``user`` may make. Raises like :func:`check`."""
    if old_status == new_status:
        return
    for action, (sources, target, _label) in TRANSITIONS.items():
        if target == new_status and old_status in sources and action != RETURN:
            probe = Article(status=old_status, author_id=article.author_id)
            probe.category = article.category
            check(user, probe, action)
            return
    if new_status == Status.RETURNED:
        raise ValidationError("Trả lại bài bằng nút “Trả lại” để ghi lý do.")
    if not user.is_superuser:
        old = Status(old_status).label if old_status in Status.values else old_status
        raise ValidationError(f"Không thể chuyển bài từ “{old}” sang “{Status(new_status).label}”.")


def transition(article, action, user, reason="", *, publish_now=False, now=None):
    """Move ``article`` by ``action`` as ``user``, checked and recorded, in one transaction.

    The row is locked (``select_for_update``) and checked in its stored state, so two
    editors acting at once cannot both move it. ``publish_now`` brings a scheduled time
    forward to now (the "publish now" action). Returns the ``ArticleWorkflowEvent``;
    ``article`` is updated in place.
    """
    now = now or timezone.now()
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        check(user, locked, action, reason)
        from_status = locked.status
        if action == PUBLISH:
            locked.return_reason = ""
            if publish_now:
                article_publish_now(article=locked, now=now)
            else:
                article_publish(article=locked, now=now)
        else:
            locked.status = TRANSITIONS[action][1]
            if action == RETURN:
                locked.return_reason = reason.strip()
            elif action == APPROVE:
                locked.return_reason = ""
            locked.save()
        event = record(locked, from_status, locked.status, user, reason, at=now)
    for name in ("status", "published_at", "return_reason", "updated_at"):
        setattr(article, name, getattr(locked, name))
    return event


def publish_now_many(articles, user, now=None):
    """ "Publish now" for several articles (the admin action): each checked as ``user``.

    Returns ``(counts, refusals)``: counts of ``published``, ``brought_forward`` and
    ``already_public``; refusals as ``[(article, message)]``. One transaction.
    """
    now = now or timezone.now()
    counts = {"published": 0, "brought_forward": 0, "already_public": 0}
    refusals = []
    with transaction.atomic():
        for article in articles:
            if article.status == Status.PUBLISHED:
                if article.published_at <= now:
                    counts["already_public"] += 1
                    continue
                # Scheduled: bringing it forward is publishing, so it needs the same right.
                if not may_publish_in(user, article.category):
                    refusals.append((article, "Bạn không có quyền đăng bài này."))
                    continue
                article_publish_now(article=article, now=now)
                record(article, Status.PUBLISHED, Status.PUBLISHED, user, "Đăng ngay", at=now)
                counts["brought_forward"] += 1
                continue
            try:
                transition(article, PUBLISH, user, publish_now=True, now=now)
            except (PermissionDenied, ValidationError) as error:
                refusals.append((article, refusal_text(error)))
                continue
            counts["published"] += 1
    return counts, refusals


def unpublish_many(articles, user):
    """Take several articles back to draft as ``user``: ``(changed, unchanged, refusals)``."""
    changed, unchanged, refusals = 0, 0, []
    with transaction.atomic():
        for article in articles:
            if article.status != Status.PUBLISHED:
                unchanged += 1
                continue
            try:
                transition(article, UNPUBLISH, user)
            except (PermissionDenied, ValidationError) as error:
                refusals.append((article, refusal_text(error)))
                continue
            changed += 1
    return changed, unchanged, refusals
