"""Demo data of the agency app, loaded by ``manage.py loaddemo``.

The department, its seven units and their functions follow the public organisation of a
provincial Department of Science and Technology. The people are invented: every official
created here has ``is_demo`` set, which the admin lists as "Dữ liệu mẫu – người không có
thật" and the public pages show as "(dữ liệu mẫu)". Phone numbers use the department's
switchboard prefix with invented extensions. Procedure links point to the national
public-service portal's home page until staff enter each procedure's own address.

Idempotent: existing records (matched by slug, name or title) are left as staff edited
them; a second run creates nothing.
"""

import datetime

from django.core.files.base import ContentFile

from agency.models import Disclosure, DisclosureKind, Official, OrgUnit, ProcedureLink
from documents.pdf import minimal_pdf

DEPARTMENT = {
    "slug": "so-khoa-hoc-va-cong-nghe",
    "name": "Sở Khoa học và Công nghệ tỉnh Cao Bằng",
    "name_en": "Department of Science and Technology of Cao Bang Province",
    "address": "Số 044, đường Hoàng Đình Giong, phường Hợp Giang, tỉnh Cao Bằng",
    "address_en": "No. 044 Hoang Dinh Giong Street, Hop Giang Ward, Cao Bang Province",
    "phone": "0206.3852.648",
    "email": "sokhcn@caobang.gov.vn",
    "functions": (
        "Sở Khoa học và Công nghệ là cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh Cao Bằng, "
        "tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về khoa học và công nghệ, đổi "
        "mới sáng tạo, chuyển đổi số; tiêu chuẩn, đo lường, chất lượng; sở hữu trí tuệ; ứng "
        "dụng bức xạ và đồng vị phóng xạ; an toàn bức xạ và hạt nhân trên địa bàn tỉnh.\n"
        "Sở có tư cách pháp nhân, con dấu và tài khoản riêng; chịu sự chỉ đạo, quản lý về tổ "
        "chức, biên chế và công tác của Ủy ban nhân dân tỉnh, đồng thời chịu sự chỉ đạo, "
        "hướng dẫn, thanh tra, kiểm tra về chuyên môn, nghiệp vụ của Bộ Khoa học và Công nghệ."
    ),
    "functions_en": (
        "The Department of Science and Technology is a specialised agency of the Cao Bang "
        "Provincial People's Committee. It advises and assists the Committee in the state "
        "management of science and technology, innovation and digital transformation; "
        "standards, metrology and quality; intellectual property; the application of "
        "radiation and radioisotopes; and radiation and nuclear safety in the province.\n"
        "The Department has legal personality, its own seal and accounts. It is directed and "
        "managed by the Provincial People's Committee in organisation, staffing and work, and "
        "guided and inspected in its professional work by the Ministry of Science and "
        "Technology."
    ),
}

# The units under the department: one row each, its OrgUnit fields in this order.
UNIT_FIELDS = ("slug", "name", "name_en", "functions", "functions_en", "phone", "email")
UNITS = [
    (
        "van-phong-so",
        "Văn phòng Sở",
        "Office of the Department",
        "Tham mưu tổng hợp, điều phối hoạt động của Sở; công tác tổ chức cán bộ, hành chính, "
        "văn thư, lưu trữ, thi đua, khen thưởng; đầu mối tiếp nhận và trả kết quả thủ tục "
        "hành chính; quản trị Cổng thông tin điện tử của Sở.",
        "Coordinates the Department's work; personnel, administration, records and archives, "
        "emulation and commendation; receives and returns administrative procedure files; "
        "runs the Department's web portal.",
        "0206.3852.648",
        "vanphong.skhcn@caobang.gov.vn",
    ),
    (
        "thanh-tra-so",
        "Thanh tra Sở",
        "Inspectorate of the Department",
        "Thanh tra hành chính và thanh tra chuyên ngành về khoa học và công nghệ; giải quyết "
        "khiếu nại, tố cáo; phòng, chống tham nhũng theo quy định của pháp luật.",
        "Administrative and specialised inspection in science and technology; handles "
        "complaints and denunciations; anti-corruption work as the law provides.",
        "0206.3852.650",
        "thanhtra.skhcn@caobang.gov.vn",
    ),
    (
        "phong-ke-hoach-tai-chinh",
        "Phòng Kế hoạch - Tài chính",
        "Planning and Finance Division",
        "Tham mưu xây dựng kế hoạch, dự toán ngân sách khoa học và công nghệ hằng năm; quản "
        "lý tài chính, tài sản; lập báo cáo tài chính và công khai ngân sách của Sở.",
        "Prepares the annual science and technology plan and budget estimates; manages "
        "finance and assets; prepares the Department's financial reports and budget "
        "disclosures.",
        "0206.3852.651",
        "kehoach.skhcn@caobang.gov.vn",
    ),
    (
        "phong-quan-ly-khoa-hoc",
        "Phòng Quản lý khoa học",
        "Science Management Division",
        "Quản lý nhiệm vụ khoa học và công nghệ cấp tỉnh và cấp cơ sở: đề xuất, tuyển chọn, "
        "giao trực tiếp, kiểm tra, đánh giá, nghiệm thu và ứng dụng kết quả.",
        "Manages provincial and grassroots science and technology tasks: proposals, "
        "selection, direct assignment, monitoring, evaluation, acceptance and the use of "
        "their results.",
        "0206.3852.652",
        "qlkh.skhcn@caobang.gov.vn",
    ),
    (
        "phong-quan-ly-cong-nghe-va-chuyen-doi-so",
        "Phòng Quản lý công nghệ và Chuyển đổi số",
        "Technology Management and Digital Transformation Division",
        "Quản lý chuyển giao công nghệ, thị trường khoa học và công nghệ, đổi mới sáng tạo; "
        "sở hữu trí tuệ; an toàn bức xạ và hạt nhân; tham mưu chuyển đổi số trên địa bàn tỉnh.",
        "Manages technology transfer, the science and technology market and innovation; "
        "intellectual property; radiation and nuclear safety; advises on digital "
        "transformation in the province.",
        "0206.3852.653",
        "qlcn.skhcn@caobang.gov.vn",
    ),
    (
        "chi-cuc-tieu-chuan-do-luong-chat-luong",
        "Chi cục Tiêu chuẩn Đo lường Chất lượng",
        "Sub-department of Standards, Metrology and Quality",
        "Tham mưu quản lý nhà nước về tiêu chuẩn, đo lường, chất lượng sản phẩm, hàng hóa; mã "
        "số, mã vạch; năng suất chất lượng; kiểm định, hiệu chuẩn phương tiện đo.",
        "Advises on the state management of standards, metrology and the quality of products "
        "and goods; barcodes; productivity and quality; verification and calibration of "
        "measuring instruments.",
        "0206.3852.654",
        "chicuctdc.skhcn@caobang.gov.vn",
    ),
    (
        "trung-tam-thong-tin-va-ung-dung-khoa-hoc-cong-nghe",
        "Trung tâm Thông tin và Ứng dụng khoa học công nghệ",
        "Centre for Science and Technology Information and Application",
        "Đơn vị sự nghiệp công lập: thông tin, thống kê khoa học và công nghệ; ứng dụng, "
        "chuyển giao tiến bộ khoa học kỹ thuật; dịch vụ phân tích, thử nghiệm.",
        "A public service unit: science and technology information and statistics; "
        "application and transfer of technical advances; analysis and testing services.",
        "0206.3852.655",
        "trungtam.skhcn@caobang.gov.vn",
    ),
]

# Invented people (is_demo): (name, position, position_en, unit slug, phone, email, leader,
# contact point).
OFFICIALS = [
    (
        "Nông Văn Thành",
        "Giám đốc Sở",
        "Director",
        DEPARTMENT["slug"],
        "0206.3852.600",
        "thanhnv.skhcn@caobang.gov.vn",
        True,
        False,
    ),
    (
        "Hoàng Thị Lan",
        "Phó Giám đốc Sở",
        "Deputy Director",
        DEPARTMENT["slug"],
        "0206.3852.601",
        "lanht.skhcn@caobang.gov.vn",
        True,
        False,
    ),
    (
        "Lương Văn Hùng",
        "Phó Giám đốc Sở",
        "Deputy Director",
        DEPARTMENT["slug"],
        "0206.3852.602",
        "hunglv.skhcn@caobang.gov.vn",
        True,
        False,
    ),
    (
        "Bế Thị Mai",
        "Chánh Văn phòng Sở",
        "Chief of Office",
        "van-phong-so",
        "0206.3852.649",
        "maibt.skhcn@caobang.gov.vn",
        False,
        True,
    ),
]

PORTAL = "https://dichvucong.gov.vn/"
PROCEDURES = [
    ("Hoạt động khoa học và công nghệ", "Thủ tục cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ", "toan_trinh"),  # noqa: E501
    ("Hoạt động khoa học và công nghệ", "Thủ tục thay đổi, bổ sung nội dung Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ", "toan_trinh"),  # noqa: E501
    ("Hoạt động khoa học và công nghệ", "Thủ tục xác định nhiệm vụ khoa học và công nghệ cấp tỉnh sử dụng ngân sách nhà nước", "mot_phan"),  # noqa: E501
    ("Chuyển giao công nghệ", "Thủ tục đăng ký gia hạn, sửa đổi, bổ sung nội dung chuyển giao công nghệ", "toan_trinh"),  # noqa: E501
    ("Tiêu chuẩn, đo lường, chất lượng", "Thủ tục đăng ký công bố hợp chuẩn dựa trên kết quả tự đánh giá", "toan_trinh"),  # noqa: E501
    ("Tiêu chuẩn, đo lường, chất lượng", "Thủ tục kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu", "mot_phan"),  # noqa: E501
    ("An toàn bức xạ và hạt nhân", "Thủ tục cấp giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong y tế", "mot_phan"),  # noqa: E501
]  # fmt: skip

DISCLOSURES = [
    (DisclosureKind.ANNUAL_PLAN, 2026, "Kế hoạch công tác năm 2026 của Sở Khoa học và Công nghệ"),
    (DisclosureKind.BUDGET, 2026, "Công khai dự toán ngân sách nhà nước năm 2026"),
    (DisclosureKind.FINANCIAL_REPORT, 2025, "Báo cáo tài chính năm 2025"),
    (DisclosureKind.BUDGET, 2025, "Công khai quyết toán ngân sách nhà nước năm 2025"),
    (DisclosureKind.STATISTICS, 2025, "Số liệu thống kê khoa học và công nghệ năm 2025"),
    (DisclosureKind.ANNUAL_PLAN, 2025, "Kế hoạch công tác năm 2025 của Sở Khoa học và Công nghệ"),
]


def load(*, stdout=None):
    """Create the department, its units, demo officials, procedures and disclosures once."""
    created = 0
    department = OrgUnit.objects.filter(slug=DEPARTMENT["slug"]).first()
    if department is None:
        department = OrgUnit(order=0, **DEPARTMENT)
        department.full_clean()
        department.save()
        created += 1
    units = {department.slug: department}
    for order, row in enumerate(UNITS, start=1):
        fields = dict(zip(UNIT_FIELDS, row, strict=True))
        unit = OrgUnit.objects.filter(slug=fields["slug"]).first()
        if unit is None:
            unit = OrgUnit(
                **fields,
                parent=department,
                address=DEPARTMENT["address"],
                address_en=DEPARTMENT["address_en"],
                order=order,
            )
            unit.full_clean()
            unit.save()
            created += 1
        units[unit.slug] = unit
    has_contact = Official.objects.filter(is_contact_point=True).exists()
    for order, (name, position, position_en, slug, phone, email, leader, contact) in enumerate(
        OFFICIALS, start=1
    ):
        if Official.objects.filter(full_name=name, is_demo=True).exists():
            continue
        official = Official(
            full_name=name,
            position=position,
            position_en=position_en,
            unit=units[slug],
            phone=phone,
            email=email,
            is_leader=leader,
            is_contact_point=contact and not has_contact,
            order=order,
            is_demo=True,
        )
        official.full_clean()
        official.save()
        created += 1
    for order, (field, title, level) in enumerate(PROCEDURES, start=1):
        if not ProcedureLink.objects.filter(title=title).exists():
            ProcedureLink.objects.create(
                field=field, title=title, level=level, url=PORTAL, order=order
            )
            created += 1
    for kind, year, title in DISCLOSURES:
        if Disclosure.objects.filter(title=title, year=year).exists():
            continue
        item = Disclosure(
            kind=kind, year=year, title=title, published_on=datetime.date(year, 1, 15)
        )
        item.file.save("tai-lieu.pdf", ContentFile(minimal_pdf([title])), save=False)
        item.full_clean()
        item.save()
        created += 1
    if stdout and created:
        stdout.write(f"Cơ quan, đơn vị, thủ tục, công khai mẫu: {created}")
