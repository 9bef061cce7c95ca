"""Drop the single-column indexes of response.wave and answer.question.

The composite indexes response_wave_id (wave, id) and answer_question_option
(question, option) begin with these columns and serve every lookup by them.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0019_keep_spent_sets_in_place_and_find_them_by_scope"),
    ]

    operations = [
        migrations.AlterField(
            model_name="answer",
            name="question",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="answers",
                to="surveys.question",
            ),
        ),
        migrations.AlterField(
            model_name="response",
            name="wave",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="responses",
                to="surveys.wave",
            ),
        ),
    ]
