"""Los esquemas JSON (Draft 2020-12) del informe y de la serie (issue 17): van en el paquete,
todo JSON que escribe la línea de comandos los cumple, y cambiar un esquema sin subir su
versión (``esquema``) hace fallar una prueba."""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker  # type: ignore[import-untyped]

from sena_relacionamiento.cli import main
from sena_relacionamiento.io.escritores import ESQUEMA_JSON
from sena_relacionamiento.io.serie_escritores import ESQUEMA_JSON_SERIE

# Versión de cada esquema → huella (sha256 del JSON canónico) del archivo en esa versión.
# Solo se agregan versiones: si un esquema cambia, se sube `esquema` (aquí, en el archivo y en
# el escritor) y se anota la huella nueva con la versión nueva; nunca se edita una huella.
HUELLAS: dict[str, dict[int, str]] = {
    "informe.schema.json": {
        1: "0760e8d4c992f9f2fc91a68849b383ae0e20285e599c95cb237d5aafe7b5d7a4",
        2: "5b48fa66622b42cc22e99bd4f7f5ea6de636cf6167fcf89b59e92cf50ca40d02",
    },
    "serie.schema.json": {
        1: "4ed4659ee51e2714c30460a1b0666989580e90d67d2410cdf76fc99d336786d7",
    },
}
VERSION_DEL_ESCRITOR = {
    "informe.schema.json": ESQUEMA_JSON,
    "serie.schema.json": ESQUEMA_JSON_SERIE,
}
MESES = [f"2012-{m:02d}" for m in range(1, 13)]


@cache
def _esquema(nombre: str) -> dict[str, Any]:
    texto = (files("sena_relacionamiento") / "esquemas" / nombre).read_text("utf-8")
    esquema = json.loads(texto)
    assert isinstance(esquema, dict)
    return esquema


def _validador(nombre: str) -> Draft202012Validator:
    return Draft202012Validator(_esquema(nombre), format_checker=FormatChecker())


def _huella(esquema: dict[str, Any]) -> str:
    canonico = json.dumps(esquema, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonico.encode("utf-8")).hexdigest()


def _json_de_la_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, Any]:
    assert main([*argv, "--formato", "json"]) == 0
    datos = json.loads(capsys.readouterr().out)
    assert isinstance(datos, dict)
    return datos


@pytest.mark.parametrize("nombre", sorted(HUELLAS))
def test_el_esquema_es_draft_2020_12_valido(nombre: str) -> None:
    esquema = _esquema(nombre)
    assert esquema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(esquema)


@pytest.mark.parametrize("nombre", sorted(HUELLAS))
def test_cambiar_el_esquema_exige_subir_su_version(nombre: str) -> None:
    esquema = _esquema(nombre)
    version = esquema["properties"]["esquema"]["const"]
    assert version == VERSION_DEL_ESCRITOR[nombre], (
        "el escritor y el esquema no dicen la misma versión"
    )
    assert version == max(HUELLAS[nombre]), (
        f"{nombre}: falta anotar la versión {version} en HUELLAS"
    )
    assert _huella(esquema) == HUELLAS[nombre][version], (
        f"{nombre} cambió sin subir su versión: sube `esquema` a {version + 1} (en el archivo, "
        f"en el escritor y en docs/esquema_json.md) y anota su huella {_huella(esquema)}"
    )


@pytest.mark.parametrize("periodo", MESES)
def test_todo_informe_json_de_la_cli_cumple_el_esquema(
    capsys: pytest.CaptureFixture[str], periodo: str
) -> None:
    datos = _json_de_la_cli(capsys, "informe", "--periodo", periodo)
    _validador("informe.schema.json").validate(datos)


def test_el_json_de_la_serie_de_la_cli_cumple_el_esquema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    datos = _json_de_la_cli(capsys, "serie", "--desde", "2012-01", "--hasta", "2012-12")
    assert len(datos["periodos"]) == 12
    _validador("serie.schema.json").validate(datos)


def _rompe(datos: dict[str, Any], nombre: str) -> bool:
    return not _validador(nombre).is_valid(datos)


def test_el_esquema_del_informe_rechaza_lo_que_no_es_del_contrato(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bueno = _json_de_la_cli(capsys, "informe", "--periodo", "2012-03")
    ec = next(i for i, f in enumerate(bueno["resultados"]) if f["indicador"] == "EC")
    cambios: list[tuple[str, Callable[[dict[str, Any]], object]]] = [
        ("esquema", lambda d: d.update(esquema=1)),
        ("sin gestores", lambda d: d.pop("gestores")),
        ("gestor sin rol", lambda d: next(iter(d["gestores"].values())).pop("rol")),
        ("float", lambda d: d["resultados"][ec].update(valor=0.85)),
        ("fila con clave de más", lambda d: d["resultados"][0].update(otra=1)),
        ("fila sin semáforo", lambda d: d["resultados"][0].pop("semaforo")),
        ("estado desconocido", lambda d: d["resultados"][0].update(estado="CASI")),
        ("fecha imposible", lambda d: d["resultados"][0].update(inicio="2012-02-30")),
        ("periodo", lambda d: d.update(periodo="2012-3")),
        ("sin parámetros", lambda d: d.pop("parametros")),
        ("decimal con exponente", lambda d: d["parametros"].update(meta_ec="9E-1")),
        ("excluidos en cero", lambda d: d["excluidos"].update({"x": 0})),
    ]
    assert not _rompe(bueno, "informe.schema.json")
    for nombre, cambio in cambios:
        malo = copy.deepcopy(bueno)
        cambio(malo)
        assert _rompe(malo, "informe.schema.json"), nombre


def test_el_esquema_de_la_serie_rechaza_lo_que_no_es_del_contrato(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bueno = _json_de_la_cli(capsys, "serie", "--desde", "2012-02", "--hasta", "2012-03")
    cambios: list[tuple[str, Callable[[dict[str, Any]], object]]] = [
        ("fila sin periodo", lambda d: d["resultados"][0].pop("periodo")),
        ("sin periodos", lambda d: d.update(periodos=[])),
        ("excluidos de un periodo inválido", lambda d: d["excluidos"].update({"2012-13": {}})),
        ("float", lambda d: d["resultados"][0].update(numerador=1.5)),
    ]
    assert not _rompe(bueno, "serie.schema.json")
    for nombre, cambio in cambios:
        malo = copy.deepcopy(bueno)
        cambio(malo)
        assert _rompe(malo, "serie.schema.json"), nombre
