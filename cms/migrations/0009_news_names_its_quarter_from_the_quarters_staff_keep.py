"""News pages name their quarter from the quarters staff keep, no longer from a fixed list.

Every news page (and every saved revision of one) keeps its quarter: "altenhagen" and
"wehringhausen" point to the quarter of that code (added for Hagen, without an outline,
where staff have not uploaded one yet), and "both" becomes "all quarters" (no quarter).
"""

import django.db.models.deletion
from django.db import migrations, models

ALL_QUARTERS = "both"
# The names the fixed list showed, for quarters that have to be added.
NAMES = {"altenhagen": "Altenhagen", "wehringhausen": "Wehringhausen"}
AREA = "Hagen"


def _news_revisions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    news_type = ContentType.objects.filter(app_label="cms", model="newspage").first()
    if news_type is None:
        return Revision.objects.none()
    return Revision.objects.filter(base_content_type=news_type) | Revision.objects.filter(
        content_type=news_type
    )


def name_quarters(apps, schema_editor):
    NewsPage = apps.get_model("cms", "NewsPage")
    QuarterOutline = apps.get_model("cms", "QuarterOutline")
    quarters = {}

    def quarter_of(code):
        if not code or code == ALL_QUARTERS:
            return None
        if code not in quarters:
            quarter = QuarterOutline.objects.filter(code=code).order_by("area", "pk").first()
            if quarter is None:
                quarter = QuarterOutline.objects.create(
                    area=AREA, code=code, name=NAMES.get(code, code.replace("-", " ").title())
                )
            quarters[code] = quarter
        return quarters[code]

    for news in NewsPage.objects.all():
        quarter = quarter_of(news.quarter_code)
        NewsPage.objects.filter(pk=news.pk).update(quarter=quarter)
    for revision in _news_revisions(apps).distinct():
        content = revision.content or {}
        if "quarter" in content and not isinstance(content["quarter"], int | type(None)):
            quarter = quarter_of(content["quarter"])
            content["quarter"] = quarter.pk if quarter else None
            revision.content = content
            revision.save(update_fields=["content"])


def name_codes(apps, schema_editor):
    NewsPage = apps.get_model("cms", "NewsPage")
    QuarterOutline = apps.get_model("cms", "QuarterOutline")
    codes = dict(QuarterOutline.objects.values_list("pk", "code"))
    for news in NewsPage.objects.all():
        code = codes.get(news.quarter_id, ALL_QUARTERS)
        NewsPage.objects.filter(pk=news.pk).update(quarter_code=code[:16])
    for revision in _news_revisions(apps).distinct():
        content = revision.content or {}
        if "quarter" in content and isinstance(content["quarter"], int | type(None)):
            content["quarter"] = codes.get(content["quarter"], ALL_QUARTERS)
            revision.content = content
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_add_printed_reports"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        migrations.RenameField(model_name="newspage", old_name="quarter", new_name="quarter_code"),
        migrations.AddField(
            model_name="newspage",
            name="quarter",
            field=models.ForeignKey(
                blank=True,
                help_text="Leave empty for news about all quarters.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="news",
                to="cms.quarteroutline",
                verbose_name="quarter",
            ),
        ),
        migrations.RunPython(name_quarters, name_codes),
        migrations.RemoveField(model_name="newspage", name="quarter_code"),
    ]
