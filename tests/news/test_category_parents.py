"""Categories with parents (NukeViet's tree): ancestors for breadcrumbs, no cycles."""

import pytest
from django.core.exceptions import ValidationError

from news.models import Category

pytestmark = pytest.mark.django_db


def test_ancestors_are_listed_root_first():
    root = Category.objects.create(name="Khoa học công nghệ")
    middle = Category.objects.create(name="Chuyển đổi số", parent=root)
    leaf = Category.objects.create(name="Dịch vụ công", parent=middle)
    assert leaf.get_ancestors() == [root, middle]
    assert root.get_ancestors() == []
    assert list(root.children.all()) == [middle]


def test_a_category_cannot_become_its_own_ancestor():
    root = Category.objects.create(name="Gốc")
    child = Category.objects.create(name="Con", parent=root)
    root.parent = child
    with pytest.raises(ValidationError) as caught:
        root.full_clean()
    assert "không được là chính nó hoặc chuyên mục con" in str(caught.value)
    root.parent = root
    with pytest.raises(ValidationError):
        root.full_clean()


def test_deleting_a_parent_keeps_its_children_as_roots():
    root = Category.objects.create(name="Gốc")
    child = Category.objects.create(name="Con", parent=root)
    root.delete()
    child.refresh_from_db()
    assert child.parent is None
