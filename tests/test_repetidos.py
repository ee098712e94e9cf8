"""Registros repetidos (issue 12, punto 1; R14, R17, R23).

Un registro con identidad (un `Gestor` por su id, una `Solicitud` por su id del CRM, una
`Asignacion` por su empresa) repetido con el mismo contenido es uno solo: los demás quedan
excluidos con su motivo. Con el mismo id y otro contenido es un `RegistroInconsistente` que
nombra los dos (y, leídos de un CSV, sus líneas). Las dos vías (registros y tablas) dan lo
mismo.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from _constructores import gestor

from sena_relacionamiento import (
    DatosSeguimiento,
    Periodo,
    RegistroInconsistente,
    Solicitud,
    informe,
)
from sena_relacionamiento.datos import Motivo
from sena_relacionamiento.io.csv_lector import leer_carpeta

MARZO = Periodo(2012, 3)


def _solicitud(**cambios: object) -> Solicitud:
    valores: dict[str, object] = {
        "id": "CRM-1",
        "fecha": date(2012, 3, 1),
        "servicio": "Formación",
        "regional": "Huila",
        "gestor": "g1",
        "fecha_gestion": date(2012, 3, 2),
    }
    return Solicitud(**(valores | cambios))


def test_r17_solicitud_repetida_cuenta_una_vez_y_se_excluye() -> None:
    s = _solicitud()
    datos = DatosSeguimiento(gestores=[gestor("g1")], asignaciones=[], solicitudes=[s, s])
    inf = informe(datos, MARZO)
    assert (inf.nacional.eg.numerador, inf.nacional.eg.denominador) == (1, 1)
    assert [(e.registro, e.motivo) for e in inf.excluidos] == [(s, Motivo.REPETIDO)]


def test_r17_dos_solicitudes_iguales_construidas_aparte_son_una() -> None:
    datos = DatosSeguimiento(
        gestores=[gestor("g1")], asignaciones=[], solicitudes=[_solicitud(), _solicitud()]
    )
    inf = informe(datos, MARZO)
    assert inf.nacional.eg.denominador == 1
    assert dict(inf.resumen_excluidos()) == {Motivo.REPETIDO: 1}


def test_r17_mismo_id_con_otro_contenido_es_inconsistente_y_nombra_los_dos() -> None:
    a, b = _solicitud(), _solicitud(fecha_gestion=None)
    with pytest.raises(RegistroInconsistente, match="'CRM-1'") as error:
        DatosSeguimiento(gestores=[gestor("g1")], asignaciones=[], solicitudes=[a, b])
    assert error.value.registros == (a, b)


def test_r14_gestor_repetido_igual_es_uno_y_se_excluye() -> None:
    g = gestor("g1")
    datos = DatosSeguimiento(gestores=[g, gestor("g1")], asignaciones=[])
    assert list(datos.indice.gestores) == ["g1"]
    assert [(e.registro, e.motivo) for e in datos.excluidos] == [(g, Motivo.REPETIDO)]
    inf = informe(datos, MARZO)
    assert list(inf.gestores) == ["g1"]


def test_r14_gestor_mismo_id_otro_contenido_sigue_siendo_inconsistente() -> None:
    with pytest.raises(RegistroInconsistente, match="'g1'"):
        DatosSeguimiento(gestores=[gestor("g1"), gestor("g1", regional="Meta")], asignaciones=[])


def _carpeta(tmp_path: Path, solicitudes: str) -> Path:
    (tmp_path / "gestores.csv").write_text("id;rol;regional\ng1;Empresarial;Huila\n")
    (tmp_path / "solicitudes.csv").write_text(
        "id;fecha;servicio;regional;gestor;nit;fecha_gestion\n" + solicitudes
    )
    return tmp_path


def test_r17_csv_con_una_linea_duplicada_no_infla_eg(tmp_path: Path) -> None:
    linea = "CRM-1;01/03/2012;Formación;Huila;g1;;02/03/2012\n"
    inf = informe(leer_carpeta(_carpeta(tmp_path, linea * 2)), MARZO)
    assert (inf.nacional.eg.numerador, inf.nacional.eg.denominador) == (1, 1)
    assert dict(inf.resumen_excluidos()) == {Motivo.REPETIDO: 1}


def test_r17_csv_mismo_id_distinto_contenido_nombra_las_dos_lineas(tmp_path: Path) -> None:
    lineas = (
        "CRM-1;01/03/2012;Formación;Huila;g1;;02/03/2012\nCRM-1;01/03/2012;Formación;Huila;g1;;\n"
    )
    with pytest.raises(RegistroInconsistente) as error:
        leer_carpeta(_carpeta(tmp_path, lineas))
    mensaje = str(error.value)
    assert "'CRM-1'" in mensaje
    assert "solicitudes.csv, línea 2" in mensaje
    assert "solicitudes.csv, línea 3" in mensaje


# -- la vía por columnas da lo mismo -------------------------------------------------------


@pytest.mark.parametrize("motor", ["polars", "pandas", "duckdb"])
def test_r17_tablas_solicitud_repetida_igual_que_informe(motor: str) -> None:
    pytest.importorskip("narwhals")
    from test_tablas import comparar

    otra = _solicitud(id="CRM-2", gestor=None, fecha_gestion=None)
    datos = DatosSeguimiento(
        gestores=[gestor("g1"), gestor("g1")],
        asignaciones=[],
        solicitudes=[_solicitud(), otra, _solicitud(), otra, _solicitud()],
    )
    comparar(datos, MARZO, motor)
    assert dict(informe(datos, MARZO).resumen_excluidos()) == {Motivo.REPETIDO: 4}


def test_r17_tablas_mismo_id_con_otro_contenido_es_inconsistente() -> None:
    pytest.importorskip("narwhals")
    from _vias import marcos_polars

    from sena_relacionamiento.tablas import informe_tabular

    a = _solicitud()
    b = _solicitud(id="CRM-1x", fecha_gestion=None)
    marcos = marcos_polars(
        DatosSeguimiento(gestores=[gestor("g1")], asignaciones=[], solicitudes=[a, b])
    )
    marcos["solicitudes"] = marcos["solicitudes"].with_columns(
        marcos["solicitudes"]["id"].str.replace("CRM-1x", "CRM-1")
    )
    with pytest.raises(RegistroInconsistente, match="mismo id 'CRM-1'"):
        informe_tabular(periodo=MARZO, **marcos)
