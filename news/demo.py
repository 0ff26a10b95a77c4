# ruff: noqa: E501 - demo texts are kept one sentence or paragraph per line, verbatim
"""Demo content of the news app, loaded by ``manage.py loaddemo``.

Categories, the article the site is modelled on (exactly as published on 08/09/2017) and a
few dozen plausible news items from 2017 to 2026. Keyed by slug: a second run changes
nothing, creates no duplicates and leaves view counts alone.
"""

import io
import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from PIL import Image, ImageDraw

from core.text import vietnamese_slugify
from news.models import Article, ArticleMonthlyViews, Category, view_month

TZ = ZoneInfo("Asia/Ho_Chi_Minh")

CATEGORIES = [
    ("tin-hoat-dong", "Tin hoạt động", 1),
    ("khoa-hoc-cong-nghe", "Khoa học - Công nghệ", 2),
    ("chuyen-doi-so", "Chuyển đổi số", 3),
    ("tieu-chuan-do-luong-chat-luong", "Tiêu chuẩn - Đo lường - Chất lượng", 4),
    ("so-huu-tri-tue", "Sở hữu trí tuệ", 5),
    ("thong-bao", "Thông báo", 6),
]

SEED_TITLE = (
    "Sở Khoa học và Công nghệ tổ chức Hội nghị sơ kết công tác xây dựng và nhân rộng "
    "điển hình tiên tiến giai đoạn 2015-2020"
)
SEED_PARAGRAPHS = (
    "Ngày 08/9/2017, Sở Khoa học và Công nghệ tổ chức Hội nghị sơ kết công tác xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2015-2020.",
    "Tham dự Hội nghị có các đồng chí trong Ban Giám đốc Sở, lãnh đạo các phòng, đơn vị trực thuộc Sở và toàn bộ chuyên viên Khối Văn phòng Sở. Đồng chí Hoàng Giang- Giám đốc Sở chủ trì Hội nghị.",
    "Hội nghị đã tổ chức đánh giá sơ kết hơn hai năm thực công tác xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2015-2020 (từ năm 2015-2017). Trong đó đánh giá: Trong giai đoạn 2015-2017, Sở KH&CN đã triển khai thực hiện Kế hoạch 3617/KH-UBND ngày 15/12/2015 của Ủy ban nhân dân tỉnh Cao Bằng, Công văn số 1295/SNV-BTĐKH ngày 14/7/2016 của Sở Nội vụ về việc tiếp tục giới thiệu các gương điển hình tiên tiến giai đoạn 2015-2020, trên cơ sở đó Sở đã phát hiện, lựa chọn 12 tập thể và 56 cá nhân được đăng ký, giới thiệu, bồi dưỡng điển hình tiên tiến.",
    "Với mục tiêu thông qua các phong trào thi đua yêu nước, khơi dậy tinh thần tự lực, tự cường, nỗ lực vươn lên hoàn thành xuất sắc nhiệm vụ được giao, từ đó rút ra các bài học kinh nghiệm về tổ chức phong trào thi đua và công tác khen thưởng, kinh nghiệm về xây dựng và nhân rộng các điển hình tiên tiến, tiếp tục đổi mới nội dung, hình thức, chất lượng công tác thi đua khen thưởng theo tinh thần Chỉ thị 34-CT/TW của Bộ Chính trị và thực hiện tốt Luật Thi đua, khen thưởng và các văn bản hướng dẫn. Sở KH&CN đã tổ chức hướng dẫn các phòng, các đơn vị khối thi đua trực thuộc bình xét sơ kết công tác xây dựng và nhân rộng điển hình tiên tiến Giai đoạn 2015 - 2017, công tác này được tiến hành từ cấp cơ sở, sau cùng Hội đồng Thi đua, khen thưởng Sở họp kết luận đề nghị Giám đốc Sở ra quyết định tôn vinh, khen thưởng. Tổng số điển hình tiên tiến của các Khối Thi đua trực thuộc Sở KH&CN đã giới thiệu là 18 cá nhân và 05 tập thể. Kết quả có 03 tập thể và 06 cá nhân được lựa chọn giới thiệu, tôn vinh và khen thưởng tại Hội nghị.",
    "Công tác khen thưởng đã có tác dụng động viên, cổ vũ kịp thời tới tập thể và cá nhân có nhiều thành tích xuất sắc, góp phần quan trọng vào việc thực hiện nhiệm vụ chính trị của đơn vị.",
    "Hội nghị đã xác định một số giải pháp nâng cao hiệu quả công tác xây dựng và nhân rộng điển hình tiên tiến giai đoạn 2015-2020 những năm tiếp theo là: Đổi mới công tác thi đua, khen thưởng trên cả ba mặt: tổ chức, phong trào và các giải pháp thúc đẩy mọi tập thể, cá nhân trong toàn ngành, không ngừng nâng cao hiệu quả và chất lượng công tác chuyên môn; Đa dạng hoá các hình thức, phương thức tuyên truyền; chú trọng công tác phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến, thúc đẩy phong trào thi đua ngày càng hiệu quả.",
)

# (title, category slug, (year, month, day), summary, featured, with image)
NEWS = [
    (
        "Hội nghị tổng kết công tác khoa học và công nghệ năm 2017",
        "tin-hoat-dong",
        (2017, 12, 22),
        "Sở đánh giá kết quả thực hiện nhiệm vụ năm 2017 và triển khai kế hoạch năm 2018.",
        False,
        False,
    ),
    (
        "Nghiệm thu đề tài trồng thử nghiệm cây dẻ Trùng Khánh theo hướng hữu cơ",
        "khoa-hoc-cong-nghe",
        (2018, 3, 15),
        "Hội đồng khoa học nghiệm thu đề tài, đánh giá mô hình đạt năng suất cao hơn đối chứng 18%.",
        False,
        True,
    ),
    (
        "Kiểm tra đo lường xăng dầu tại các cửa hàng trên địa bàn tỉnh",
        "tieu-chuan-do-luong-chat-luong",
        (2018, 6, 5),
        "Đoàn kiểm tra đã kiểm tra 42 cột đo nhiên liệu tại 15 cửa hàng xăng dầu.",
        False,
        False,
    ),
    (
        "Hỗ trợ đăng ký nhãn hiệu chứng nhận Miến dong Nguyên Bình",
        "so-huu-tri-tue",
        (2018, 9, 20),
        "Sản phẩm miến dong được hỗ trợ xây dựng, quản lý và phát triển nhãn hiệu chứng nhận.",
        True,
        False,
    ),
    (
        "Thông báo tuyển chọn tổ chức, cá nhân chủ trì nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2019",
        "thong-bao",
        (2018, 11, 2),
        "Sở thông báo tuyển chọn tổ chức, cá nhân chủ trì thực hiện các nhiệm vụ bắt đầu từ năm 2019.",
        False,
        False,
    ),
    (
        "Tập huấn nâng cao năng lực quản lý khoa học và công nghệ cấp huyện",
        "tin-hoat-dong",
        (2019, 4, 11),
        "Gần 60 cán bộ phụ trách khoa học và công nghệ các huyện, thành phố tham dự lớp tập huấn.",
        False,
        False,
    ),
    (
        "Ứng dụng công nghệ nuôi cấy mô trong nhân giống hoa lan bản địa",
        "khoa-hoc-cong-nghe",
        (2019, 7, 8),
        "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ làm chủ quy trình nhân giống lan bằng nuôi cấy mô.",
        True,
        True,
    ),
    (
        "Hưởng ứng Ngày Tiêu chuẩn Thế giới 14/10",
        "tieu-chuan-do-luong-chat-luong",
        (2019, 10, 14),
        "Tuyên truyền vai trò của tiêu chuẩn đối với sản xuất, kinh doanh và đời sống.",
        False,
        False,
    ),
    (
        "Cao Bằng có thêm 5 sản phẩm được bảo hộ nhãn hiệu tập thể",
        "so-huu-tri-tue",
        (2020, 1, 16),
        "Các sản phẩm đặc sản địa phương được Cục Sở hữu trí tuệ cấp văn bằng bảo hộ.",
        False,
        False,
    ),
    (
        "Triển khai phần mềm quản lý văn bản và điều hành liên thông",
        "chuyen-doi-so",
        (2020, 5, 25),
        "Toàn bộ văn bản đi, đến của Sở được xử lý trên môi trường mạng, có ký số.",
        False,
        False,
    ),
    (
        "Hội nghị tổng kết giai đoạn 2015-2020 công tác xây dựng và nhân rộng điển hình tiên tiến",
        "tin-hoat-dong",
        (2020, 8, 27),
        "Tôn vinh các tập thể, cá nhân điển hình tiên tiến giai đoạn 2015-2020 của ngành khoa học và công nghệ.",
        True,
        False,
    ),
    (
        "Kiểm định phương tiện đo nhóm 2 phục vụ y tế",
        "tieu-chuan-do-luong-chat-luong",
        (2020, 11, 3),
        "Kiểm định huyết áp kế, nhiệt kế y học tại các cơ sở khám chữa bệnh trên địa bàn.",
        False,
        False,
    ),
    (
        "Thông báo lịch tiếp công dân năm 2021",
        "thong-bao",
        (2021, 1, 5),
        "Lãnh đạo Sở tiếp công dân định kỳ vào ngày 15 hằng tháng tại trụ sở cơ quan.",
        False,
        False,
    ),
    (
        "Đánh giá hiệu quả mô hình nuôi cá hồi vân tại huyện Bảo Lạc",
        "khoa-hoc-cong-nghe",
        (2021, 4, 19),
        "Mô hình cho thấy khả năng phát triển nuôi cá nước lạnh ở vùng cao của tỉnh.",
        False,
        True,
    ),
    (
        "Sở Khoa học và Công nghệ ra mắt Cổng dịch vụ công trực tuyến mức độ 4",
        "chuyen-doi-so",
        (2021, 7, 1),
        "Người dân, doanh nghiệp có thể nộp hồ sơ và nhận kết quả trực tuyến đối với 28 thủ tục.",
        True,
        False,
    ),
    (
        "Tập huấn áp dụng hệ thống quản lý chất lượng TCVN ISO 9001:2015",
        "tieu-chuan-do-luong-chat-luong",
        (2021, 10, 12),
        "Các cơ quan hành chính nhà nước cập nhật yêu cầu của tiêu chuẩn mới.",
        False,
        False,
    ),
    (
        "Hỗ trợ doanh nghiệp xác lập quyền sở hữu công nghiệp",
        "so-huu-tri-tue",
        (2022, 2, 22),
        "Chương trình phát triển tài sản trí tuệ hỗ trợ 12 doanh nghiệp đăng ký nhãn hiệu.",
        False,
        False,
    ),
    (
        "Hội nghị triển khai Nghị định 42/2022/NĐ-CP về cung cấp thông tin trên môi trường mạng",
        "chuyen-doi-so",
        (2022, 8, 30),
        "Các đơn vị rà soát cổng, trang thông tin điện tử theo quy định mới có hiệu lực từ 15/8/2022.",
        False,
        False,
    ),
    (
        "Nghiệm thu dự án bảo tồn nguồn gen lúa nếp Pì Pất",
        "khoa-hoc-cong-nghe",
        (2022, 11, 9),
        "Dự án đã phục tráng và lưu giữ nguồn gen lúa nếp đặc sản của địa phương.",
        True,
        True,
    ),
    (
        "Thông báo nghỉ Tết Nguyên đán Quý Mão 2023",
        "thong-bao",
        (2023, 1, 10),
        "Cán bộ, công chức, viên chức nghỉ Tết từ ngày 20/01/2023 đến hết ngày 26/01/2023.",
        False,
        False,
    ),
    (
        "Phát động phong trào thi đua năm 2023",
        "tin-hoat-dong",
        (2023, 2, 14),
        "Sở phát động phong trào thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm 2023.",
        False,
        False,
    ),
    (
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "chuyen-doi-so",
        (2023, 6, 6),
        "100% hồ sơ tiếp nhận mới được số hóa, lưu trữ trên kho dữ liệu điện tử của tổ chức, cá nhân.",
        False,
        False,
    ),
    (
        "Kiểm tra chất lượng hàng đóng gói sẵn dịp cuối năm",
        "tieu-chuan-do-luong-chat-luong",
        (2023, 12, 4),
        "Đoàn kiểm tra lượng của hàng đóng gói sẵn tại các siêu thị và chợ trung tâm.",
        False,
        False,
    ),
    (
        "Luật Thi đua, khen thưởng năm 2022 có hiệu lực từ ngày 01/01/2024",
        "tin-hoat-dong",
        (2024, 1, 2),
        "Những điểm mới về danh hiệu thi đua, hình thức khen thưởng và thẩm quyền quyết định.",
        True,
        False,
    ),
    (
        "Ứng dụng chế phẩm sinh học xử lý chất thải chăn nuôi",
        "khoa-hoc-cong-nghe",
        (2024, 3, 21),
        "Mô hình giúp giảm mùi hôi và tạo phân bón hữu cơ cho các hộ chăn nuôi.",
        False,
        False,
    ),
    (
        "Tuần lễ Sở hữu trí tuệ 2024: nâng cao nhận thức cho học sinh, sinh viên",
        "so-huu-tri-tue",
        (2024, 4, 26),
        "Chuỗi hoạt động hưởng ứng Ngày Sở hữu trí tuệ thế giới 26/4.",
        False,
        False,
    ),
    (
        "Thông báo tuyển chọn nhiệm vụ khoa học và công nghệ cấp tỉnh năm 2025",
        "thong-bao",
        (2024, 9, 16),
        "Hồ sơ đăng ký tuyển chọn nộp trực tuyến hoặc tại bộ phận một cửa của Sở.",
        False,
        False,
    ),
    (
        "Ngày hội khởi nghiệp đổi mới sáng tạo tỉnh Cao Bằng năm 2024",
        "khoa-hoc-cong-nghe",
        (2024, 11, 20),
        "Hơn 40 dự án khởi nghiệp được giới thiệu, 6 dự án được trao giải.",
        True,
        True,
    ),
    (
        "Triển khai chữ ký số cho toàn bộ cán bộ, công chức",
        "chuyen-doi-so",
        (2025, 3, 3),
        "Mỗi cán bộ, công chức được cấp chứng thư số cá nhân để ký văn bản điện tử.",
        False,
        False,
    ),
    (
        "Sơ kết 6 tháng đầu năm 2025 công tác khoa học và công nghệ",
        "tin-hoat-dong",
        (2025, 7, 15),
        "Các nhiệm vụ trọng tâm được triển khai đúng tiến độ; đề ra giải pháp cho 6 tháng cuối năm.",
        False,
        False,
    ),
    (
        "Hướng dẫn tự công bố sản phẩm theo tiêu chuẩn cơ sở",
        "tieu-chuan-do-luong-chat-luong",
        (2025, 10, 8),
        "Doanh nghiệp nhỏ được hướng dẫn xây dựng tiêu chuẩn cơ sở và công bố sản phẩm.",
        False,
        False,
    ),
    (
        "Triển khai Nghị định 152/2025/NĐ-CP về thi đua, khen thưởng",
        "thong-bao",
        (2026, 1, 12),
        "Các phòng, đơn vị cập nhật quy trình đề nghị khen thưởng theo quy định mới.",
        False,
        False,
    ),
    (
        "Chuyển đổi số trong quản lý nhiệm vụ khoa học và công nghệ",
        "chuyen-doi-so",
        (2026, 4, 2),
        "Hệ thống quản lý trực tuyến giúp theo dõi tiến độ và công khai kết quả nhiệm vụ.",
        True,
        False,
    ),
    (
        "Bồi dưỡng nghiệp vụ thi đua, khen thưởng năm 2026",
        "tin-hoat-dong",
        (2026, 9, 10),
        "Cán bộ làm công tác thi đua, khen thưởng các đơn vị trực thuộc được bồi dưỡng nghiệp vụ.",
        False,
        False,
    ),
]

BODY_PARAGRAPHS = {
    "tin-hoat-dong": "Phát biểu tại buổi làm việc, lãnh đạo Sở đề nghị các phòng, đơn vị tiếp tục "
    "phát huy tinh thần trách nhiệm, phối hợp chặt chẽ để hoàn thành tốt các nhiệm vụ được giao.",
    "khoa-hoc-cong-nghe": "Kết quả nghiên cứu được chuyển giao cho địa phương, góp phần nâng cao "
    "giá trị sản phẩm nông nghiệp và thu nhập của người dân vùng cao.",
    "chuyen-doi-so": "Việc ứng dụng công nghệ thông tin giúp rút ngắn thời gian xử lý công việc, "
    "công khai, minh bạch và thuận tiện hơn cho người dân, doanh nghiệp.",
    "tieu-chuan-do-luong-chat-luong": "Qua kiểm tra, đoàn đã hướng dẫn các cơ sở thực hiện đúng "
    "quy định về đo lường, chất lượng sản phẩm, hàng hóa.",
    "so-huu-tri-tue": "Việc bảo hộ quyền sở hữu trí tuệ góp phần nâng cao uy tín, sức cạnh tranh "
    "của các sản phẩm đặc trưng của tỉnh trên thị trường.",
    "thong-bao": "Chi tiết xin liên hệ Văn phòng Sở Khoa học và Công nghệ, điện thoại "
    "0206.3852.648.",
}

BYLINES = ["HN", "TL", "MH", "PV", "NT"]
COLOURS = [(11, 79, 138), (179, 20, 29), (34, 120, 70), (120, 80, 20), (70, 50, 130)]


def _demo_image(seed, title):
    """A small generated picture (no external files), PNG or JPEG."""
    rng = random.Random(seed)
    colour = COLOURS[seed % len(COLOURS)]
    image = Image.new("RGB", (800, 500), colour)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = rng.randrange(0, 800), rng.randrange(0, 500)
        r = rng.randrange(20, 120)
        shade = tuple(min(255, c + rng.randrange(30, 90)) for c in colour)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=shade)
    draw.rectangle((0, 430, 800, 500), fill=(255, 255, 255))
    draw.text((20, 455), "So KH&CN Cao Bang", fill=colour)
    output = io.BytesIO()
    image_format = "PNG" if seed % 2 else "JPEG"
    image.save(output, format=image_format)
    return ContentFile(output.getvalue(), name=f"demo.{image_format.lower()}")


def _body(day, category_slug):
    """Two paragraphs that do not repeat the summary (the page shows it above the body)."""
    year, month, date = day
    opening = (
        f"Ngày {date:02d}/{month:02d}/{year}, Sở Khoa học và Công nghệ tỉnh Cao Bằng phối hợp "
        "với các cơ quan, đơn vị liên quan triển khai nội dung công việc theo kế hoạch đề ra."
    )
    return f"<p>{escape(opening)}</p>\n<p>{escape(BODY_PARAGRAPHS[category_slug])}</p>"


# One demo account per editorial group (made by migration 0007), to try the workflow:
# writer → reviewer → publisher. Created once, never reset; clearly demo accounts.
DEMO_EDITORIAL_PASSWORD = "caobang-demo-2026"
DEMO_EDITORIAL_USERS = [
    ("demo-phongvien", "Phóng viên (mẫu)", "Phóng viên / Biên tập viên"),
    ("demo-thuky", "Thư ký tòa soạn (mẫu)", "Thư ký tòa soạn"),
    ("demo-lanhdao", "Lãnh đạo (mẫu)", "Lãnh đạo"),
]


def load_editorial_users(*, stdout=None):
    """The demo writer, reviewer and publisher, each in their group."""
    from news.workflow import ensure_editorial_groups

    groups = ensure_editorial_groups()
    User = get_user_model()
    for username, first_name, group_name in DEMO_EDITORIAL_USERS:
        if User.objects.filter(username=username).exists():
            continue
        user = User.objects.create_user(
            username=username,
            email=f"{username}@example.invalid",
            password=DEMO_EDITORIAL_PASSWORD,
            first_name=first_name,
            is_staff=True,
        )
        user.groups.add(groups[group_name])
        if stdout:
            stdout.write(
                f"Tài khoản mẫu nhóm “{group_name}”: {username} / {DEMO_EDITORIAL_PASSWORD}"
            )


def load(*, stdout=None):
    """Create this app's demo records; running it again changes nothing."""
    load_editorial_users(stdout=stdout)
    categories = {}
    for slug, name, order in CATEGORIES:
        categories[slug], _created = Category.objects.get_or_create(
            slug=slug, defaults={"name": name, "order": order}
        )
    author = get_user_model().objects.filter(username="admin").first()
    created_count = 0

    seed_slug = vietnamese_slugify(SEED_TITLE)
    _seed, created = Article.objects.get_or_create(
        slug=seed_slug,
        defaults={
            "title": SEED_TITLE,
            "category": categories["tin-hoat-dong"],
            "summary": (
                "Hội nghị đánh giá hơn hai năm thực hiện công tác xây dựng và nhân rộng điển "
                "hình tiên tiến, tôn vinh 03 tập thể và 06 cá nhân."
            ),
            "body": "\n".join(f"<p>{escape(text)}</p>" for text in SEED_PARAGRAPHS),
            "byline": "HN",
            "status": Article.Status.PUBLISHED,
            "published_at": datetime(2017, 9, 8, 15, 30, tzinfo=TZ),
            "is_featured": True,
            "view_count": 701,
            "author": author,
        },
    )
    created_count += created

    for number, (title, category_slug, day, summary, featured, with_image) in enumerate(NEWS):
        slug = vietnamese_slugify(title)
        if Article.objects.filter(slug=slug).exists():
            continue
        article = Article(
            slug=slug,
            title=title,
            category=categories[category_slug],
            summary=summary,
            body=_body(day, category_slug),
            byline=BYLINES[number % len(BYLINES)],
            status=Article.Status.PUBLISHED,
            published_at=datetime(*day, 8 + number % 9, (number * 7) % 60, tzinfo=TZ),
            is_featured=featured,
            view_count=37 + (number * 53) % 900,
            author=author,
        )
        if with_image:
            article.image = _demo_image(number, title)
            article.image_alt = f"Ảnh minh họa: {title}"
        article.save()
        created_count += 1
    load_monthly_views([seed_slug, *(vietnamese_slugify(title) for title, *_rest in NEWS)])
    if stdout:
        stdout.write(f"news: {created_count} bài viết mới, {len(categories)} chuyên mục.")


# Shares of a demo article's count viewed in this month, the one before and the one before
# that: the staff report's "most viewed in a month" has something to show.
MONTH_SHARES = (0.15, 0.10, 0.05)


def load_monthly_views(slugs, *, now=None):
    """Views per month for the demo articles ``slugs`` (published, counted): the last three
    months, a share of each one's count; a month that already has a row keeps it."""
    month = view_month(now or timezone.now())
    months = [month]
    for _share in MONTH_SHARES[1:]:
        months.append((months[-1] - timedelta(days=1)).replace(day=1))
    articles = Article.objects.published().filter(slug__in=slugs, view_count__gt=0)
    rows = [
        ArticleMonthlyViews(article_id=pk, month=when, views=int(count * share))
        for pk, count in articles.values_list("pk", "view_count")
        for share, when in zip(MONTH_SHARES, months, strict=True)
        if int(count * share)
    ]
    ArticleMonthlyViews.objects.bulk_create(rows, ignore_conflicts=True)
