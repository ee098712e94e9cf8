"""Pruebas que matan mutantes sobrevivientes de mutmut (ver docs/mutacion.md).

Cada prueba fija un detalle que las demás suites no miraban: el texto exacto de un error, un
borde de un rango, una clave del detalle de un resultado.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from sena_relacionamiento import (
    DatoInvalido,
    DatosSeguimiento,
    Estado,
    Periodo,
    Regional,
    RegionalDesconocida,
    Semaforo,
    informe,
    regional,
    segmento_regional,
    tipo_empresa,
)
from sena_relacionamiento.indicadores.cv import voluntarios
from sena_relacionamiento.indicadores.resultado import Indicador, Resultado, evaluar
from sena_relacionamiento.testing import (
    un_contacto,
    un_contrato,
    un_gestor,
    una_asignacion,
)

# segmentacion ----------------------------------------------------------------------------


@pytest.mark.parametrize("funcion", [segmento_regional, lambda r, **k: tipo_empresa(1, r, **k)])
def test_parametros_que_no_son_parametros(funcion: object) -> None:
    with pytest.raises(DatoInvalido) as error:
        funcion("Huila", parametros="2012")  # type: ignore[operator]
    assert str(error.value) == "parametros: se esperaba un Parametros (se recibió '2012')"


# regionales ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codigo", "nombre", "consulta"),
    [(5, "Antioquia", "5 'Antioquia'"), ("05", None, "'05' None"), (None, None, "None None")],
)
def test_regional_a_mano_con_tipos_equivocados(
    codigo: object, nombre: object, consulta: str
) -> None:
    with pytest.raises(RegionalDesconocida) as error:
        Regional(codigo, nombre)  # type: ignore[arg-type]
    assert error.value.consulta == consulta
    assert error.value.sugerencias == ()


def test_sugerencias_con_regional_delante() -> None:
    with pytest.raises(RegionalDesconocida) as sin_prefijo:
        regional("Boyara")
    with pytest.raises(RegionalDesconocida) as con_prefijo:
        regional("Regional Boyara")
    assert con_prefijo.value.sugerencias == sin_prefijo.value.sugerencias == ("Boyacá", "Bolívar")


def test_codigos_enteros_en_los_bordes() -> None:
    assert regional(99).nombre == "Vichada"
    for codigo in (0, 1, 100, -5):
        with pytest.raises(RegionalDesconocida):
            regional(codigo)


# resultado.evaluar -----------------------------------------------------------------------


def test_evaluar_sin_datos_y_sin_meta() -> None:
    assert evaluar(None, None, Decimal(1), horizonte_cerrado=True, avance=Fraction(1)) == (
        Estado.SIN_DATOS,
        None,
    )
    assert evaluar(3, 0, Decimal(1), horizonte_cerrado=True, avance=Fraction(1)) == (
        Estado.SIN_DATOS,
        None,
    )
    assert evaluar(3, None, None, horizonte_cerrado=True, avance=Fraction(1)) == (
        Estado.SIN_META,
        None,
    )


# ec y cv ---------------------------------------------------------------------------------


def test_ec_cuenta_por_tipo_y_medio_y_fuera_de_cartera() -> None:
    datos = DatosSeguimiento(
        gestores=[un_gestor()],
        asignaciones=[una_asignacion()],
        contactos=[
            un_contacto(),
            un_contacto(medio="telefónico", tipo="mantenimiento"),
            un_contacto(nit="800123456"),
        ],
    )
    ec = informe(datos, Periodo(2012, 3)).gestor("g1").ec
    assert ec.detalle["por_tipo_y_medio"] == {
        "NUEVO": {"TELEFONICO": 0, "VISITA": 1},
        "MANTENIMIENTO": {"TELEFONICO": 1, "VISITA": 0},
    }
    assert ec.detalle["fuera_de_cartera"] == 1
    assert ec.detalle["empresas_con_menos_de_3_contactos"] == ("900123456",)
    assert (ec.numerador, ec.denominador, ec.estado) == (1, 1, Estado.CUMPLE)
    assert ec.semaforo is Semaforo.VERDE


def test_cv_incremento_y_dentro_de_cuota() -> None:
    datos = DatosSeguimiento(
        gestores=[un_gestor()],
        asignaciones=[una_asignacion()],
        contratos=[
            un_contrato(obligada=True, cuota_regulada=1, fecha=date(2012, 2, 10)),
            un_contrato(obligada=True, cuota_regulada=1, fecha=date(2012, 2, 20)),
            un_contrato(obligada=True, cuota_regulada=1, fecha=date(2012, 3, 1)),
        ],
    )
    cv = informe(datos, Periodo(2012, 3)).gestor("g1").cv
    assert cv.valor == 2
    assert cv.detalle == {"incremento_mes": 1, "dentro_de_cuota": 1}


def test_voluntarios_de_una_empresa_no_obligada_con_cuota() -> None:
    assert voluntarios(5, False, 3) == 5
    assert voluntarios(5, True, 3) == 2


def test_cv_contrato_el_dia_del_corte_anterior_no_es_incremento() -> None:
    datos = DatosSeguimiento(
        gestores=[un_gestor()],
        asignaciones=[una_asignacion()],
        contratos=[un_contrato(fecha=date(2012, 2, 25)), un_contrato(fecha=date(2012, 2, 26))],
    )
    cv = informe(datos, Periodo(2012, 3)).gestor("g1").cv
    assert (cv.valor, cv.detalle["incremento_mes"]) == (2, 1)


def test_ec_fuera_de_cartera_el_primer_dia_del_trimestre() -> None:
    datos = DatosSeguimiento(
        gestores=[un_gestor()],
        asignaciones=[una_asignacion()],
        contactos=[
            un_contacto(nit="800123456", fecha=date(2012, 3, 26)),
            un_contacto(nit="800123456", fecha=date(2012, 3, 25)),
        ],
    )
    inf = informe(datos, Periodo(2012, 4))
    assert inf.gestor("g1").ec.detalle["fuera_de_cartera"] == 1
    assert [x.motivo for x in inf.excluidos] == ["fuera del trimestre y de la cartera del gestor"]


def test_detalle_que_no_es_mapeo() -> None:
    with pytest.raises(DatoInvalido) as error:
        Resultado(
            indicador=Indicador.AF,
            inicio=date(2012, 3, 1),
            fin=date(2012, 3, 25),
            valor=0,
            meta=None,
            numerador=0,
            denominador=None,
            estado=Estado.SIN_META,
            semaforo=None,
            detalle=5,  # type: ignore[arg-type]
        )
    assert str(error.value) == "detalle: se esperaba un mapeo (se recibió 5)"
