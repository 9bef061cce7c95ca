"""Ship safeguarding rules for every free-text answer, in the nine languages of the site.

Words and phrases about violence, abuse, self-harm and suicide. A rule without a
question reads every free-text answer. Staff can change or switch off each rule; the
lists are a start, not a promise that everything is found. The team's moderation role
receives the concerns the rules find.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = "Moderation"
# One rule per language; a trailing * matches every word that begins with it.
DEFAULT_PHRASES = {
    "de": [
        "geschlagen",
        "schlägt mich",
        "schlagen mich",
        "verprügelt",
        "prügelt mich",
        "misshandelt",
        "misshandlung",
        "missbraucht",
        "missbrauch",
        "vergewaltig*",
        "sexuell belästigt",
        "bedroht mich",
        "ritze mich",
        "ritzen",
        "verletze mich selbst",
        "selbstverletzung",
        "bringe mich um",
        "mich umbringen",
        "selbstmord*",
        "suizid*",
        "will nicht mehr leben",
        "will sterben",
    ],
    "de-x-ls": [
        "jemand schlägt mich",
        "ich werde geschlagen",
        "jemand tut mir weh",
        "tue mir selbst weh",
        "angst zu hause",
        "angst zuhause",
        "fasst mich an",
        "will tot sein",
        "mich tot machen",
    ],
    "en": [
        "beaten",
        "beats me",
        "hits me",
        "abused",
        "abuse",
        "rape*",
        "molest*",
        "hurt myself",
        "self-harm",
        "self harm",
        "cut myself",
        "cutting myself",
        "suicid*",
        "kill myself",
        "want to die",
        "end my life",
        "don't want to live",
    ],
    "tr": [
        "dövüyor*",
        "dövdü",
        "dayak",
        "şiddet*",
        "istismar*",
        "taciz*",
        "tecavüz*",
        "kendime zarar",
        "kendimi kesiyorum",
        "intihar*",
        "kendimi öldür*",
        "ölmek istiyorum",
        "yaşamak istemiyorum",
    ],
    "ar": [
        "يضربني",
        "يضربونني",
        "ضربني",
        "عنف",
        "اعتداء",
        "تحرش*",
        "اغتصاب",
        "أؤذي نفسي",
        "إيذاء النفس",
        "أجرح نفسي",
        "انتحار",
        "أنتحر",
        "أقتل نفسي",
        "أريد أن أموت",
        "لا أريد أن أعيش",
    ],
    "ro": [
        "mă bate",
        "ma bate",
        "mă bat",
        "bătut*",
        "abuz*",
        "violență",
        "violenta",
        "viol",
        "hărțui*",
        "hartui*",
        "mă tai",
        "să mă omor",
        "sa ma omor",
        "sinucid*",
        "vreau să mor",
        "vreau sa mor",
    ],
    "bg": [
        "бие ме",
        "бият ме",
        "ме бие",
        "ме бият",
        "насилие",
        "малтрети*",
        "тормоз*",
        "изнасил*",
        "самонараняване",
        "режа се",
        "самоубий*",
        "искам да умра",
        "не искам да живея",
    ],
    "pl": [
        "bije mnie",
        "biją mnie",
        "mnie bije",
        "mnie biją",
        "pobity",
        "pobita",
        "przemoc*",
        "molestow*",
        "gwałt*",
        "tnę się",
        "samookaleczenie",
        "samobój*",
        "zabić się",
        "chcę umrzeć",
        "nie chcę żyć",
    ],
    "uk": [
        "б'є мене",
        "бʼє мене",
        "б’є мене",
        "мене б'ють",
        "мене б'є",
        "побили",
        "насильство",
        "насилля",
        "знущ*",
        "зґвалтув*",
        "ріжу себе",
        "самоушкодження",
        "самогуб*",
        "вбити себе",
        "хочу померти",
        "не хочу жити",
    ],
}


def add_default_rules(apps, schema_editor):
    SafeguardingRule = apps.get_model("analytics", "SafeguardingRule")
    if SafeguardingRule.objects.filter(question__isnull=True).exists():
        return
    SafeguardingRule.objects.bulk_create(
        SafeguardingRule(kind="words", words="\n".join(phrases), question=None, is_active=True)
        for phrases in DEFAULT_PHRASES.values()
    )
    # The team that reads free text receives and handles the concerns.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label="analytics", codename="handle_safeguarding"
    ).first()
    group = Group.objects.filter(name=MODERATORS).first()
    if permission and group:
        group.permissions.add(permission)


def remove_default_rules(apps, schema_editor):
    SafeguardingRule = apps.get_model("analytics", "SafeguardingRule")
    defaults = {"\n".join(phrases) for phrases in DEFAULT_PHRASES.values()}
    SafeguardingRule.objects.filter(question__isnull=True, words__in=defaults).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("analytics", "0006_add_safeguarding_concerns_and_watched_names"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("cms", "0004_add_staff_groups_and_collections"),
    ]

    operations = [migrations.RunPython(add_default_rules, remove_default_rules)]
