"""Estados, SIN_DATOS y semáforo en general (R24, R25).

Por las dos vías donde hay un informe.

Cada caso está calculado a mano en el comentario o en el nombre de la prueba: las cifras
esperadas no salen del código que se prueba. Cada caso que arma un informe corre por las dos
vías (fixture `via`, tests/_vias.py): `informe()` sobre registros y `informe_tabular` sobre
tablas polars. Periodos de 2012 con corte 25 (R8–R9): marzo va del 2012-02-26 al 2012-03-25 y
su trimestre (T1) del 2011-12-26 al 2012-03-25; junio va del 2012-05-26 al 2012-06-25 y su
trimestre (T2) del 2012-03-26 al 2012-06-25; la vigencia va del 2011-12-26 al 2012-12-25.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from _constructores import (
    ANA,
    asignar,
    contactar,
    datos,
    nits,
)
from _vias import Via

from sena_relacionamiento import (
    PARAMETROS_2012,
    DatoInvalido,
    Estado,
    Indicador,
    Periodo,
    Resultado,
    Semaforo,
)
from sena_relacionamiento._inmutable import MapaFijo
from sena_relacionamiento.indicadores import evaluar

MES_MARZO = date(2012, 3, 1)


def test_r24_gestor_sin_asignaciones_da_sin_datos_nunca_division_por_cero(via: Via) -> None:
    inf = via.informe_de([ANA], mes=3)
    tablero = inf.gestor("ana")
    for resultado in (tablero.ec, tablero.ep, tablero.eg, tablero.em):
        assert resultado.valor is None
        assert resultado.denominador == 0
        assert resultado.numerador == 0
        assert (resultado.estado, resultado.semaforo) == (Estado.SIN_DATOS, None)
    for resultado in (tablero.af, tablero.cv, tablero.pe, tablero.sismeg_formados):
        assert resultado.valor == 0
        assert resultado.estado is Estado.SIN_META
    # Sin registros, los conteos del detalle son cero.
    assert tablero.ec.detalle["fuera_de_cartera"] == 0
    assert (tablero.cv.detalle["incremento_mes"], tablero.pe.detalle["asistentes"]) == (0, 0)


def test_r24_un_conteo_sin_registros_es_cero_y_con_meta_se_evalua(via: Via) -> None:
    inf = via.informe_de([ANA], mes=12)
    assert inf.nacional.sismeg_formados.valor == 0
    assert inf.nacional.sismeg_formados.estado is Estado.NO_CUMPLE
    assert inf.nacional.cv.semaforo is Semaforo.ROJO


def test_r24_evaluar_sin_valor_es_sin_datos() -> None:
    assert evaluar(None, None, Decimal(1), horizonte_cerrado=True, avance=Fraction(1)) == (
        Estado.SIN_DATOS,
        None,
    )


def test_r24_comparaciones_exactas_con_la_meta() -> None:
    meta = Decimal("0.90")
    uno = Fraction(1)
    assert evaluar(27, 30, meta, horizonte_cerrado=True, avance=uno)[0] is Estado.CUMPLE
    assert evaluar(899_999, 1_000_000, meta, horizonte_cerrado=True, avance=uno)[0] is (
        Estado.NO_CUMPLE
    )
    assert evaluar(61, 1000, Decimal("0.06"), horizonte_cerrado=True, avance=uno, tope=True) == (
        Estado.NO_CUMPLE,
        Semaforo.ROJO,
    )
    assert evaluar(6, 100, Decimal("0.06"), horizonte_cerrado=False, avance=uno, tope=True) == (
        Estado.EN_CURSO,
        Semaforo.VERDE,
    )


def test_r25_umbrales_del_semaforo_son_parametros(via: Via) -> None:
    umbrales = (Decimal("0.95"), Decimal("0.50"))
    assert evaluar(
        9, 10, Decimal(1), horizonte_cerrado=True, avance=Fraction(1), umbrales=umbrales
    ) == (Estado.NO_CUMPLE, Semaforo.AMARILLO)
    parametros = attrs.evolve(PARAMETROS_2012, umbral_verde=Decimal("0.95"))
    inf = via.informe(
        datos([ANA], asignar("ana", nits(30)), contactos=contactar("ana", nits(27), MES_MARZO)),
        Periodo(2012, 3),
        parametros=parametros,
    )
    assert inf.gestor("ana").ec.semaforo is Semaforo.VERDE  # 0,9 ÷ 0,9 = 1
    inf = via.informe(
        datos([ANA], asignar("ana", nits(30)), contactos=contactar("ana", nits(25), MES_MARZO)),
        Periodo(2012, 3),
        parametros=parametros,
    )
    assert inf.gestor("ana").ec.semaforo is Semaforo.AMARILLO  # 0,926 < 0,95


def test_resultado_guarda_el_detalle_como_mapa_de_solo_lectura() -> None:
    detalle = MapaFijo({"a": 1})
    resultado = Resultado(
        indicador=Indicador.AF,
        inicio=MES_MARZO,
        fin=MES_MARZO,
        valor=1,
        meta=None,
        numerador=1,
        denominador=None,
        estado=Estado.SIN_META,
        semaforo=None,
        detalle=detalle,
    )
    assert resultado.detalle is detalle
    desde_dict = attrs.evolve(resultado, detalle={"b": 2})
    assert isinstance(desde_dict.detalle, MapaFijo)
    assert desde_dict.detalle == {"b": 2}
    with pytest.raises(TypeError):
        desde_dict.detalle["b"] = 3  # type: ignore[index]
    assert attrs.evolve(resultado, detalle=MapaFijo()).detalle == {}
    with pytest.raises(DatoInvalido) as error:
        attrs.evolve(resultado, detalle=[("b", 2)])  # type: ignore[arg-type]
    assert error.value.campo == "detalle"
