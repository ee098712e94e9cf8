"""El orden de la entrada no cambia nada de la salida (issue 12, punto 5; R16, R23).

Toda elección entre iguales se hace con un orden total documentado (la fecha y luego los campos
del registro), nunca con el orden de lectura; el XLSX es reproducible byte a byte. Barajar las
filas de cada entrada da salidas idénticas byte a byte en todos los formatos.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path
from random import Random
from typing import Any

import attrs
import pytest
from _constructores import asignar, contactar, gestor
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sena_relacionamiento import DatosSeguimiento, Periodo, ServicioUsado, informe
from sena_relacionamiento.datos import Motivo, clave_de_orden
from sena_relacionamiento.datos_ejemplo import carpeta_de_ejemplo
from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.io.csv_lector import leer_carpeta
from sena_relacionamiento.io.escritores import FORMATOS, generar, informe_xlsx
from sena_relacionamiento.testing.estrategias import datos_seguimiento

pytest.importorskip("openpyxl")

MARZO = Periodo(2012, 3)
NIT = "900123456"


def _servicios_en_orden(*servicios: ServicioUsado) -> DatosSeguimiento:
    return DatosSeguimiento(
        gestores=[gestor("g1"), gestor("g2")],
        asignaciones=asignar("g1", [NIT]),
        contactos=contactar("g1", [NIT], date(2012, 3, 1)),
        servicios=servicios,
    )


def test_r16_de_dos_usos_de_un_servicio_cuenta_el_de_fecha_menor() -> None:
    primero = ServicioUsado(nit=NIT, fecha=date(2012, 3, 1), servicio="Formación", gestor="g2")
    segundo = ServicioUsado(nit=NIT, fecha=date(2012, 3, 9), servicio="Formación", gestor="g1")
    for orden in ([primero, segundo], [segundo, primero]):
        inf = informe(_servicios_en_orden(*orden), MARZO)
        assert [(e.registro, e.motivo) for e in inf.excluidos] == [
            (segundo, Motivo.SERVICIO_REPETIDO)
        ]


def test_r16_el_mismo_dia_desempata_por_los_campos_del_registro() -> None:
    a = ServicioUsado(nit=NIT, fecha=date(2012, 3, 1), servicio="Formación", gestor="g1")
    b = ServicioUsado(nit=NIT, fecha=date(2012, 3, 1), servicio="formacion", gestor=None)
    for orden in ([a, b], [b, a]):
        inf = informe(_servicios_en_orden(*orden), MARZO)
        # Mismo NIT y fecha: «Formación» < «formacion» (puntos de código).
        assert [e.registro for e in inf.excluidos] == [b]


def test_r16_clave_de_orden_de_una_subclase_de_registro_usa_todos_sus_campos() -> None:
    @attrs.frozen(kw_only=True)
    class ServicioConNota(ServicioUsado):
        nota: str = ""

    a = ServicioConNota(nit=NIT, fecha=date(2012, 3, 1), servicio="Formación", nota="b")
    b = ServicioConNota(nit=NIT, fecha=date(2012, 3, 1), servicio="Formación", nota="a")
    base = ServicioUsado(nit=NIT, fecha=date(2012, 3, 1), servicio="Formación")
    assert clave_de_orden(a)[:-1] == clave_de_orden(base)
    assert sorted([a, b], key=clave_de_orden) == [b, a]


def test_r23_excluidos_en_orden_de_tipo_motivo_y_registro() -> None:
    datos = DatosSeguimiento(
        gestores=[gestor("g1")],
        asignaciones=[],
        contactos=[
            *contactar("nadie", ["900000002"], date(2012, 3, 2)),
            *contactar("nadie", ["900000001"], date(2012, 3, 2)),
            *contactar("g1", ["900000001"], date(2012, 4, 2)),
        ],
    )
    inf = informe(datos, MARZO)
    assert [(getattr(e.registro, "nit", None), e.motivo) for e in inf.excluidos] == [
        ("900000001", Motivo.GESTOR_DESCONOCIDO),
        ("900000002", Motivo.GESTOR_DESCONOCIDO),
        ("900000001", Motivo.POSTERIOR_AL_CORTE),
    ]


def test_r23_informes_de_entradas_barajadas_son_iguales_y_con_el_mismo_hash() -> None:
    # Los excluidos se ordenan al pedirlos (issue 15): la igualdad y el hash no dependen del
    # orden de la entrada.
    datos = leer_carpeta(carpeta_de_ejemplo())
    a, b = informe(datos, MARZO), informe(_barajar(datos, Random(7)), MARZO)
    assert a == b
    assert hash(a) == hash(b)
    assert a.excluidos == b.excluidos
    assert a != attrs.evolve(a, exclusiones=())


def test_r23_exclusiones_que_no_son_pares_son_dato_invalido() -> None:
    inf = informe(_EJEMPLO, MARZO)
    malos: tuple[Any, ...] = (None, [1], ["abc"])
    for malo in malos:
        with pytest.raises(DatoInvalido, match="pares \\(motivo, registros\\)"):
            attrs.evolve(inf, exclusiones=malo)


def test_xlsx_reproducible_byte_a_byte_con_propiedades_fijas() -> None:
    inf = informe(leer_carpeta(carpeta_de_ejemplo()), MARZO)
    contenido = informe_xlsx(inf)
    assert contenido == informe_xlsx(inf)
    archivo = zipfile.ZipFile(io.BytesIO(contenido))
    assert {info.date_time for info in archivo.infolist()} == {(2012, 3, 25, 0, 0, 0)}
    propiedades = archivo.read("docProps/core.xml").decode()
    assert "2012-03-25T00:00:00Z</dcterms:created>" in propiedades
    assert "2012-03-25T00:00:00Z</dcterms:modified>" in propiedades


# -- barajar las filas de cada entrada ------------------------------------------------------


def _salidas(datos: DatosSeguimiento, periodo: Periodo = MARZO) -> dict[str, str | bytes]:
    inf = informe(datos, periodo)
    return {formato: generar(inf, formato) for formato in FORMATOS}


def _barajar(datos: DatosSeguimiento, azar: Random) -> DatosSeguimiento:
    campos = {}
    for atributo in attrs.fields(DatosSeguimiento):
        if atributo.init:
            coleccion = list(getattr(datos, atributo.name))
            azar.shuffle(coleccion)
            campos[atributo.name] = coleccion
    return DatosSeguimiento(**campos)


def _carpeta_barajada(destino: Path, azar: Random) -> Path:
    for entrada in carpeta_de_ejemplo().iterdir():
        if not entrada.name.endswith(".csv"):
            continue
        encabezado, *filas = entrada.read_bytes().splitlines(keepends=True)
        if filas and not filas[-1].endswith(b"\n"):
            filas[-1] += b"\r\n"
        azar.shuffle(filas)
        (destino / entrada.name).write_bytes(encabezado + b"".join(filas))
    return destino


_EJEMPLO = leer_carpeta(carpeta_de_ejemplo())


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.randoms(use_true_random=False), st.sampled_from([1, 2, 3]))
def test_barajar_las_filas_del_ejemplo_da_salidas_identicas(
    tmp_path_factory: pytest.TempPathFactory, azar: Random, mes: int
) -> None:
    carpeta = _carpeta_barajada(tmp_path_factory.mktemp("barajada"), azar)
    periodo = Periodo(2012, mes)
    assert _salidas(leer_carpeta(carpeta), periodo) == _salidas(_EJEMPLO, periodo)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datos_seguimiento(con_huerfanos=True, max_registros=8), st.randoms(use_true_random=False))
def test_barajar_datos_generados_da_salidas_identicas(
    datos: DatosSeguimiento, azar: Random
) -> None:
    assert _salidas(_barajar(datos, azar)) == _salidas(datos)
