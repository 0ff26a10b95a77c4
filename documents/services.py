"""Write paths of the documents app: a reader's comment on a draft."""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from documents.models import DraftComment


class CommentRefused(Exception):
    """A comment the portal does not accept; ``message`` is shown to the reader."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


def comment_throttle_key(address):
    return f"documents:draft-comments:{address}"


def comment_allowed(*, address):
    """Count one comment from ``address``; False past ``DRAFT_COMMENTS_PER_HOUR`` in an hour.

    One atomic cache operation (``add`` then ``incr``): the window starts at the first
    comment and the count is never read-modify-written.
    """
    limit = settings.DRAFT_COMMENTS_PER_HOUR
    key = comment_throttle_key(address)
    if cache.add(key, 1, 3600):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, 3600)
        return True
    return count <= limit


def draft_comment_submit(*, draft, name, email, body, address, today=None):
    """Store a comment on ``draft`` for staff, or raise ``CommentRefused``.

    Refused outside the draft's open period and past the per-address hourly limit. The
    comment is never published: only the admin lists it.
    """
    today = today or timezone.localdate()
    if not draft.is_open_on(today):
        if today < draft.comment_from:
            message = (
                "Dự thảo chưa đến thời gian lấy ý kiến (từ ngày "
                f"{draft.comment_from:%d/%m/%Y}); góp ý chưa được tiếp nhận."
            )
        else:
            message = (
                "Đã hết thời gian lấy ý kiến dự thảo (ngày "
                f"{draft.comment_until:%d/%m/%Y}); góp ý không được tiếp nhận."
            )
        raise CommentRefused(message, status=403)
    if not comment_allowed(address=address):
        raise CommentRefused(
            "Bạn đã gửi quá nhiều góp ý trong một giờ. Vui lòng thử lại sau.", status=429
        )
    with transaction.atomic():
        comment = DraftComment(draft=draft, name=name, email=email, body=body)
        comment.full_clean()
        comment.save()
    return comment
