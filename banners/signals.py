"""Cached banner lists are dropped the moment a banner changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from banners.models import Banner
from banners.services import banners_invalidate_cache


@receiver(post_save, sender=Banner, dispatch_uid="banners_saved")
@receiver(post_delete, sender=Banner, dispatch_uid="banners_deleted")
def _banner_changed(sender, **kwargs):
    banners_invalidate_cache()
