"""Write paths of the documents app."""

from core.private_files import PublishableStorage


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
