"""The rules the agency's data obey, in the database and in the admin's messages."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from agency.models import Official, OrgUnit, ProcedureLink
from agency.templatetags.agency_tags import tel_href

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_has_seven_units_three_leaders_one_contact(agency_demo):
    agency_demo.load()
    assert OrgUnit.objects.filter(parent__isnull=True).count() == 1
    assert OrgUnit.objects.filter(parent__isnull=False).count() == 7
    assert Official.objects.filter(is_leader=True).count() == 3
    assert Official.objects.filter(is_contact_point=True).count() == 1
    assert all(official.is_demo for official in Official.objects.all())


def test_only_one_contact_official_in_the_database(agency_demo):
    other = Official.objects.filter(is_contact_point=False).first()
    other.is_contact_point = True
    with pytest.raises(ValidationError) as error:
        other.full_clean()
    assert "Đã có người đầu mối liên hệ" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        other.save()


def test_contact_official_needs_phone_and_email_citing_the_decree(agency_demo):
    unit = OrgUnit.objects.get(slug="van-phong-so")
    Official.objects.update(is_contact_point=False)
    official = Official(
        full_name="Người thử", position="Chuyên viên", position_en="Officer", unit=unit,
        is_contact_point=True,
    )  # fmt: skip
    with pytest.raises(ValidationError) as error:
        official.full_clean()
    assert "Điều 4 khoản 1 điểm e Nghị định 42/2022" in str(error.value)


def test_a_unit_cannot_be_its_own_ancestor(agency_demo):
    department = OrgUnit.objects.get(parent__isnull=True)
    office = OrgUnit.objects.get(slug="van-phong-so")
    department.parent = office
    with pytest.raises(ValidationError) as error:
        department.full_clean()
    assert "Đơn vị cấp trên" in str(error.value)


def test_procedure_link_refuses_a_javascript_url(db):
    procedure = ProcedureLink(title="Thủ tục", field="Lĩnh vực", url="javascript:alert(1)")
    with pytest.raises(ValidationError):
        procedure.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        procedure.save()


def test_unit_slug_is_made_from_the_vietnamese_name(db):
    unit = OrgUnit.objects.create(name="Phòng Đổi mới sáng tạo", name_en="Innovation Division")
    assert unit.slug == "phong-doi-moi-sang-tao"


@pytest.mark.parametrize(
    ("written", "href"),
    [("0206.3852.648", "+842063852648"), ("+84 206 385 2648", "+842063852648"), ("", "")],
)
def test_tel_links_use_the_international_form(written, href):
    assert tel_href(written) == href
