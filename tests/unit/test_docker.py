"""Deployment checks for docker/: what a person running the stack would notice.

These tests read files only; they need neither Docker nor a database. The compose file
is checked against the Compose Specification's JSON schema (compose-spec.json beside
this file: schema/compose-spec.json of github.com/compose-spec/compose-spec at 170098b,
Apache License 2.0), as `docker compose config` would check it.
"""

import json
import os
import pathlib
import shlex

import jsonschema
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
DOCKER_DIR = ROOT / "docker"
COMPOSE_FILE = DOCKER_DIR / "compose.yaml"
COMPOSE_SCHEMA = pathlib.Path(__file__).with_name("compose-spec.json")
DOCKERFILE = DOCKER_DIR / "Dockerfile"
ENTRYPOINT = DOCKER_DIR / "entrypoint.sh"

APP_SERVICES = ("web", "worker", "beat")


def compose_services():
    return yaml.safe_load(COMPOSE_FILE.read_text())["services"]


def environment_of(service):
    env = service.get("environment") or {}
    if isinstance(env, list):
        return dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return env


def command_of(service):
    command = service["command"]
    return shlex.split(command) if isinstance(command, str) else command


def dockerfile_instructions():
    """(INSTRUCTION, arguments) pairs, with line continuations joined."""
    instructions = []
    pending = ""
    for raw in DOCKERFILE.read_text().splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line = pending + line
        pending = ""
        keyword, _, arguments = line.partition(" ")
        instructions.append((keyword.upper(), arguments.strip()))
    return instructions


def dockerfile_cmd():
    cmds = [args for keyword, args in dockerfile_instructions() if keyword == "CMD"]
    assert cmds, "the Dockerfile has no CMD"
    return json.loads(cmds[-1])


def test_the_web_container_serves_the_project_wsgi_application():
    command = command_of(compose_services()["web"])
    assert command[0] == "gunicorn"
    assert "config.wsgi:application" in command
    wsgi = ROOT / "config" / "wsgi.py"
    assert wsgi.is_file(), "config/wsgi.py is missing"
    assert "application" in wsgi.read_text()


def test_the_worker_and_beat_containers_run_celery_for_the_config_app():
    services = compose_services()
    for name in ("worker", "beat"):
        command = command_of(services[name])
        assert command[:3] == ["celery", "-A", "config"], name
    assert (ROOT / "config" / "celery.py").is_file(), "config/celery.py is missing"


def test_the_worker_runs_a_celery_worker_and_beat_runs_the_scheduler():
    services = compose_services()
    assert command_of(services["worker"])[3] == "worker"
    assert command_of(services["beat"])[3] == "beat"


def test_every_app_container_waits_for_a_healthy_database_and_redis():
    services = compose_services()
    for name in APP_SERVICES:
        depends_on = services[name].get("depends_on") or {}
        for dependency in ("postgres", "redis"):
            assert dependency in depends_on, f"{name} does not depend on {dependency}"
            condition = depends_on[dependency].get("condition")
            assert condition == "service_healthy", f"{name} → {dependency}: {condition}"
    for dependency in ("postgres", "redis"):
        assert "healthcheck" in services[dependency], f"{dependency} has no healthcheck"


def test_web_and_worker_are_told_where_the_database_and_redis_are():
    services = compose_services()
    for name in ("web", "worker"):
        env = environment_of(services[name])
        assert env.get("DATABASE_URL", "").startswith("postgres://"), name
        assert "@postgres:" in env["DATABASE_URL"], name
        assert env.get("REDIS_URL", "").startswith("redis://redis:"), name


def test_only_the_web_container_runs_migrations():
    services = compose_services()
    assert str(environment_of(services["web"]).get("RUN_MIGRATIONS")) == "1"
    for name in ("worker", "beat"):
        assert str(environment_of(services[name]).get("RUN_MIGRATIONS", "0")) != "1", name


def test_the_image_does_not_run_as_root():
    users = [args for keyword, args in dockerfile_instructions() if keyword == "USER"]
    assert users, "the Dockerfile has no USER line, so the app would run as root"
    user = users[-1].split(":")[0]
    assert user not in ("root", "0")


def test_the_image_default_command_is_the_same_as_the_compose_web_command():
    assert dockerfile_cmd() == command_of(compose_services()["web"])


def test_the_entrypoint_is_executable_and_hands_over_to_the_service_command():
    assert ENTRYPOINT.is_file()
    assert os.access(ENTRYPOINT, os.X_OK), "docker/entrypoint.sh is not executable"
    lines = [
        line.strip()
        for line in ENTRYPOINT.read_text().splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    assert lines[-1] == 'exec "$@"'


def test_the_web_container_logs_through_the_projects_gunicorn_settings():
    # What those settings log is proven by running gunicorn: tests/unit/test_gunicorn_logs.py
    overriding = ("--access-logformat", "--logger-class", "--access-logfile", "--error-logfile")
    for command in (command_of(compose_services()["web"]), dockerfile_cmd()):
        assert command[command.index("-c") + 1] == "python:config.gunicorn_conf"
        assert not set(overriding) & set(command)


def test_every_file_the_dockerfile_copies_exists():
    copies = [args for keyword, args in dockerfile_instructions() if keyword in ("COPY", "ADD")]
    assert copies, "the Dockerfile copies nothing into the image"
    for arguments in copies:
        parts = [part for part in arguments.split() if not part.startswith("--")]
        if arguments.startswith("--from") or " --from" in arguments:
            continue  # copied from another build stage, not from the repository
        for source in parts[:-1]:
            assert (ROOT / source).exists(), f"COPY source {source} does not exist"


def test_the_worker_logs_warnings_only_so_no_refresh_line_dates_an_answer():
    command = command_of(compose_services()["worker"])

    assert command[command.index("--loglevel") + 1] == "warning"


def test_the_image_installs_the_fonts_its_pdfs_draw_every_language_with():
    from surveys.typesetting import _DEJAVU

    installs = [line for line in DOCKERFILE.read_text().splitlines() if "apt-get install" in line]

    assert any("fonts-dejavu-core" in line.split() for line in installs)
    assert str(_DEJAVU) == "/usr/share/fonts/truetype/dejavu"  # where that package puts them


def test_the_compose_file_follows_the_compose_specification():
    schema = json.loads(COMPOSE_SCHEMA.read_text())
    validator = jsonschema.Draft7Validator(schema)

    errors = [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(yaml.safe_load(COMPOSE_FILE.read_text()))
    ]

    assert not errors, errors


def test_a_misspelt_compose_key_breaks_the_specification():
    # The schema check above would catch a typo such as "healtcheck" or "port".
    compose = yaml.safe_load(COMPOSE_FILE.read_text())
    compose["services"]["web"]["healtcheck"] = compose["services"]["web"].pop("healthcheck")
    validator = jsonschema.Draft7Validator(json.loads(COMPOSE_SCHEMA.read_text()))

    assert not validator.is_valid(compose)


def test_the_database_and_redis_images_are_pinned_to_a_major_version():
    services = compose_services()
    for name, image in (("postgres", "postgres"), ("redis", "redis")):
        repository, _, tag = services[name]["image"].partition(":")
        assert repository == image, name
        assert tag.isdigit(), f"{name} runs {services[name]['image']}, not a pinned major version"
    for name in APP_SERVICES:
        assert "image" not in services[name], f"{name} must run the image built here"
        assert services[name]["build"]["dockerfile"] == "docker/Dockerfile"


def test_the_web_container_publishes_the_port_gunicorn_binds_and_checks_its_health_there():
    from config import gunicorn_conf

    web = compose_services()["web"]
    bound_port = gunicorn_conf.bind.rpartition(":")[2]
    published = [str(port).split(":") for port in web["ports"]]
    probe = " ".join(web["healthcheck"]["test"])

    assert [container for *_host, container in published] == [bound_port]
    assert f"http://127.0.0.1:{bound_port}/healthz" in probe


def test_the_address_the_healthchecks_probe_answers(client):
    assert client.get("/healthz").status_code == 200


def test_the_secret_key_and_database_password_must_be_given_or_compose_stops():
    # "${NAME:?message}" makes compose refuse to start without NAME, instead of starting
    # the site with an empty secret or password.
    services = compose_services()
    required = (("web", "SECRET_KEY"), ("worker", "SECRET_KEY"), ("postgres", "POSTGRES_PASSWORD"))
    for service, name in required:
        assert environment_of(services[service])[name].startswith(f"${{{name}:?"), service
