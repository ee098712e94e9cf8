"""El README abre con los dos comandos y `.ci/run` corre el de pruebas tal cual."""

from __future__ import annotations

from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent


def _comandos_del_readme() -> list[str]:
    texto = (RAIZ / "README.md").read_text(encoding="utf-8")
    bloque = texto.split("```bash\n", 1)[1].split("```", 1)[0]
    return [linea for linea in bloque.splitlines() if linea and not linea.startswith("#")]


def test_readme_abre_con_dos_comandos() -> None:
    texto = (RAIZ / "README.md").read_text(encoding="utf-8")
    assert texto.index("```bash") < texto.index("\n## ")
    principal, pruebas = _comandos_del_readme()
    assert principal.endswith("sena-relacionamiento informe")
    assert pruebas.endswith("python -m pytest")


def test_ci_corre_el_comando_de_pruebas_del_readme() -> None:
    _, pruebas = _comandos_del_readme()
    ci = (RAIZ / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert pruebas in ci
