"""Write paths of the documents app: a reader's comment on a draft, and where a
document's file lives."""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from core.private_files import PublishableStorage
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


def document_sync_file(*, document):
    """Put ``document``'s file where its visibility says (issue #15, finding 7).

    Public: in ``MEDIA_ROOT``, at its ``/media/`` address. Not public: under
    ``PRIVATE_MEDIA_ROOT`` at the same name, served only to staff with the view permission
    (``core.private_files``). Called after every save (``post_save``, raw saves too), so a
    file follows its document when it is made non-public and when it is published again.
    Returns True when the file moved.
    """
    field_file = document.file
    if not field_file or not isinstance(field_file.storage, PublishableStorage):
        return False
    storage = field_file.storage
    if document.is_public:
        return storage.publish(field_file.name)
    return storage.withhold(field_file.name)


def on_document_saved(sender, instance, **kwargs):
    document_sync_file(document=instance)
