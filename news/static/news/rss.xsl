<?xml version="1.0" encoding="utf-8"?>
<!-- /rss/ opened in a browser: the feed shown as a page a person can read, with what RSS is
     for. Feed readers ignore this stylesheet. Referenced by news/feeds.py. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:template match="/rss/channel">
    <html lang="vi">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>Nguồn tin RSS - <xsl:value-of select="title"/></title>
        <link rel="stylesheet" href="/static/css/site.css"/>
        <link rel="stylesheet" href="/static/css/news.css"/>
      </head>
      <body>
        <main id="main" class="site-main rss-page">
          <h1>Nguồn tin RSS: <xsl:value-of select="title"/></h1>
          <p class="rss-help">Đây là nguồn tin RSS của cổng thông tin. Để nhận tin mới tự động,
            hãy chép địa chỉ của trang này vào phần mềm hoặc ứng dụng đọc tin RSS.
            Bạn cũng có thể <a href="{link}">xem tin tức trên cổng thông tin</a>.</p>
          <h2 class="section-title">Tin mới nhất</h2>
          <ul class="article-list">
            <xsl:for-each select="item">
              <li class="article-row">
                <div class="article-row-text">
                  <h3><a href="{link}"><xsl:value-of select="title"/></a></h3>
                  <p class="article-row-summary"><xsl:value-of select="description"/></p>
                </div>
              </li>
            </xsl:for-each>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
