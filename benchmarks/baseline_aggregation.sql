-- The baseline of `bench_aggregation`: the best plain SQL we know for the figures a
-- snapshot refresh computes, on the project's own tables, for the benchmark wave.
--
-- Two stages (DESIGN.md, performance notes): PostgreSQL runs GROUPING SETS without
-- parallel workers, so stage 1 aggregates the raw rows at the finest grain with
-- parallel GROUP BYs into small temporary tables; stage 2 rolls those few thousand rows
-- up into every published breakdown with GROUPING SETS, and takes means, standard
-- deviations and medians from the rolled-up histograms. Every count carries the sum of
-- its responses' record keys, as the refresh's do (published counts are perturbed
-- from them). Statements are separated by a line holding only "--;".
--
-- Parameters: wave, multiple (multiple-choice question ids), scale, part_a, part_b
-- (the two subscales), needed, needed_a, needed_b (minimum answered items),
-- score_low + score_high (reversed items score low + high - score).

-- Stage 1a: participation per combination of the four segments.
CREATE TEMP TABLE baseline_responses ON COMMIT DROP AS
SELECT r.quarter, r.age_band, r.gender, r.home_language,
       COUNT(*) AS n, SUM(r.record_key) AS keys
FROM surveys_response r
WHERE r.wave_id = %(wave)s
GROUP BY r.quarter, r.age_band, r.gender, r.home_language
--;
-- Stage 1b: every answer with an option, a number or "prefer not to say".
CREATE TEMP TABLE baseline_answers ON COMMIT DROP AS
SELECT a.question_id, a.option_id, a.number, a.declined,
       r.quarter, r.age_band, r.gender, r.home_language,
       COUNT(*) AS n, SUM(r.record_key) AS keys
FROM surveys_answer a JOIN surveys_response r ON r.id = a.response_id
WHERE r.wave_id = %(wave)s AND (a.option_id IS NOT NULL OR a.number IS NOT NULL OR a.declined)
GROUP BY a.question_id, a.option_id, a.number, a.declined,
         r.quarter, r.age_band, r.gender, r.home_language
--;
-- Stage 1c: people (not answers) per multiple-choice question.
CREATE TEMP TABLE baseline_respondents ON COMMIT DROP AS
SELECT d.question_id, d.declined, r.quarter, r.age_band, r.gender, r.home_language,
       COUNT(*) AS n, SUM(r.record_key) AS keys
FROM (
    SELECT a.response_id, a.question_id, bool_or(a.declined) AS declined
    FROM surveys_answer a
    WHERE a.question_id = ANY(%(multiple)s)
    GROUP BY a.response_id, a.question_id
) d JOIN surveys_response r ON r.id = d.response_id
WHERE r.wave_id = %(wave)s
GROUP BY d.question_id, d.declined, r.quarter, r.age_band, r.gender, r.home_language
--;
-- Stage 1d: one score per response for the scale and each subscale, counted per score.
CREATE TEMP TABLE baseline_scores ON COMMIT DROP AS
SELECT p.part, ROUND(p.raw / p.items, 4) AS score,
       r.quarter, r.age_band, r.gender, r.home_language,
       COUNT(*) AS n, SUM(r.record_key) AS keys
FROM (
    SELECT a.response_id,
           SUM(x.points) AS raw, COUNT(*) AS items,
           SUM(x.points) FILTER (WHERE i.subscale = %(part_a)s) AS raw_a,
           COUNT(*) FILTER (WHERE i.subscale = %(part_a)s) AS items_a,
           SUM(x.points) FILTER (WHERE i.subscale = %(part_b)s) AS raw_b,
           COUNT(*) FILTER (WHERE i.subscale = %(part_b)s) AS items_b
    FROM surveys_answer a
    JOIN surveys_scaleitem i ON i.question_id = a.question_id AND i.scale_id = %(scale)s
    JOIN surveys_option o ON o.id = a.option_id
    CROSS JOIN LATERAL (
        SELECT (CASE WHEN i.is_reversed THEN %(score_low)s + %(score_high)s - o.score
                     ELSE o.score END)::numeric AS points
    ) x
    WHERE NOT a.declined
    GROUP BY a.response_id
) s
JOIN surveys_response r ON r.id = s.response_id
CROSS JOIN LATERAL (
    VALUES ('', s.raw, s.items, %(needed)s),
           (%(part_a)s, s.raw_a, s.items_a, %(needed_a)s),
           (%(part_b)s, s.raw_b, s.items_b, %(needed_b)s)
) p (part, raw, items, needed)
WHERE r.wave_id = %(wave)s AND p.items >= p.needed AND p.items > 0
GROUP BY p.part, ROUND(p.raw / p.items, 4), r.quarter, r.age_band, r.gender, r.home_language
--;
-- Stage 2a: participation in every breakdown.
SELECT quarter, age_band, gender, home_language, SUM(n), SUM(keys)
FROM baseline_responses
GROUP BY GROUPING SETS ((), (quarter), (age_band), (gender), (home_language),
                        (quarter, age_band))
--;
-- Stage 2b: answers per option (and declined) in every breakdown.
SELECT question_id, option_id, declined, quarter, age_band, gender, home_language,
       SUM(n), SUM(keys)
FROM baseline_answers
WHERE option_id IS NOT NULL OR declined
GROUP BY question_id, option_id, declined,
         GROUPING SETS ((), (quarter), (age_band), (gender), (home_language),
                        (quarter, age_band))
--;
-- Stage 2c: respondents per multiple-choice question in every breakdown.
SELECT question_id, declined, quarter, age_band, gender, home_language, SUM(n), SUM(keys)
FROM baseline_respondents
GROUP BY question_id, declined,
         GROUPING SETS ((), (quarter), (age_band), (gender), (home_language),
                        (quarter, age_band))
--;
-- Stage 2d: count, mean, SD and median of every number question in every breakdown,
-- from its histogram (value → count) rolled up.
WITH histogram AS (
    SELECT question_id, number AS value,
           GROUPING(quarter, age_band, gender, home_language) AS grouping_id,
           quarter, age_band, gender, home_language, SUM(n) AS n, SUM(keys) AS keys
    FROM baseline_answers
    WHERE number IS NOT NULL AND NOT declined
    GROUP BY question_id, number,
             GROUPING SETS ((), (quarter), (age_band), (gender), (home_language),
                            (quarter, age_band))
), running AS (
    SELECT *,
           SUM(n) OVER (PARTITION BY question_id, grouping_id, quarter, age_band, gender,
                                     home_language ORDER BY value) AS below,
           SUM(n) OVER (PARTITION BY question_id, grouping_id, quarter, age_band, gender,
                                     home_language) AS total
    FROM histogram
)
SELECT question_id, grouping_id, quarter, age_band, gender, home_language,
       MAX(total) AS answered, SUM(keys),
       SUM(n * value) / MAX(total) AS mean,
       SQRT(GREATEST(SUM(n * value * value) - SUM(n * value) ^ 2 / MAX(total), 0)
            / NULLIF(MAX(total) - 1, 0)) AS sd,
       MIN(value) FILTER (WHERE below >= total / 2.0) AS median
FROM running
GROUP BY question_id, grouping_id, quarter, age_band, gender, home_language
--;
-- Stage 2e: the same for the scale and its subscales.
WITH histogram AS (
    SELECT part, score AS value,
           GROUPING(quarter, age_band, gender, home_language) AS grouping_id,
           quarter, age_band, gender, home_language, SUM(n) AS n, SUM(keys) AS keys
    FROM baseline_scores
    GROUP BY part, score,
             GROUPING SETS ((), (quarter), (age_band), (gender), (home_language),
                            (quarter, age_band))
), running AS (
    SELECT *,
           SUM(n) OVER (PARTITION BY part, grouping_id, quarter, age_band, gender,
                                     home_language ORDER BY value) AS below,
           SUM(n) OVER (PARTITION BY part, grouping_id, quarter, age_band, gender,
                                     home_language) AS total
    FROM histogram
)
SELECT part, grouping_id, quarter, age_band, gender, home_language,
       MAX(total) AS answered, SUM(keys),
       SUM(n * value) / MAX(total) AS mean,
       SQRT(GREATEST(SUM(n * value * value) - SUM(n * value) ^ 2 / MAX(total), 0)
            / NULLIF(MAX(total) - 1, 0)) AS sd,
       MIN(value) FILTER (WHERE below >= total / 2.0) AS median
FROM running
GROUP BY part, grouping_id, quarter, age_band, gender, home_language
