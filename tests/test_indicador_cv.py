"""CV: contratos de aprendizaje voluntarios (R19): los casos trabajados, por las dos vías.

La vía por registros es `indicadores/cv.py`; su gemelo por columnas, `tablas/cv.py`.

Cada caso está calculado a mano en el comentario o en el nombre de la prueba: las cifras
esperadas no salen del código que se prueba. Cada caso que arma un informe corre por las dos
vías (fixture `via`, tests/_vias.py): `informe()` sobre registros y `informe_tabular` sobre
tablas polars. Periodos de 2012 con corte 25 (R8–R9): marzo va del 2012-02-26 al 2012-03-25 y
su trimestre (T1) del 2011-12-26 al 2012-03-25; junio va del 2012-05-26 al 2012-06-25 y su
trimestre (T2) del 2012-03-26 al 2012-06-25; la vigencia va del 2011-12-26 al 2012-12-25.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from _constructores import (
    ANA,
    LUIS,
    PEPE,
    asignar,
)
from _constructores import (
    motivos as _motivos,
)
from _vias import Via

from sena_relacionamiento import (
    ContratoAprendizaje,
    Estado,
    Motivo,
    Resultado,
    Semaforo,
)
from sena_relacionamiento.informe import Informe


def _contratos(
    nit: str, fechas: list[date], obligada: bool = False, cuota: int = 0, regional: str = "41"
) -> list[ContratoAprendizaje]:
    return [
        ContratoAprendizaje(
            nit=nit, regional=regional, fecha=f, obligada=obligada, cuota_regulada=cuota
        )
        for f in fechas
    ]


def _informe_cv(via: Via) -> Informe:
    # Junio: vigencia hasta el 2012-06-25; corte anterior 2012-05-25.
    obligada = _contratos(
        "800000101",
        [
            date(2012, 1, 10),
            date(2012, 2, 10),
            date(2012, 5, 1),
            date(2012, 6, 1),
            date(2012, 6, 20),
        ],
        obligada=True,
        cuota=2,
    )  # 5 contratos, cuota 2 → 3 voluntarios (1 hasta mayo), 2 dentro de la cuota
    voluntaria = _contratos("800000102", [date(2012, 4, 1), date(2012, 6, 10)])  # 2 (1 en mayo)
    sin_asignar = _contratos("800000301", [date(2012, 6, 5)] * 3)  # 3, todos en junio
    excluidos = _contratos("800000301", [date(2011, 12, 25), date(2012, 6, 26)])
    antioquia = _contratos("800000401", [date(2012, 3, 1)], regional="05")
    return via.informe_de(
        [ANA, LUIS, PEPE],
        asignar("ana", ["800000101", "800000102"]),
        contratos=obligada + voluntaria + sin_asignar + excluidos + antioquia,
        mes=6,
    )


def test_r19_obligada_con_contratos_por_encima_de_la_cuota(via: Via) -> None:
    cv = _informe_cv(via).gestor("ana").cv
    # 3 voluntarios de la obligada + 2 de la no obligada.
    assert (cv.valor, cv.numerador, cv.denominador) == (5, 5, None)
    assert cv.detalle["dentro_de_cuota"] == 2
    # Hasta mayo: obligada max(0, 3 − 2) = 1, voluntaria 1 → 2; junio 5 → incremento 3.
    assert cv.detalle["incremento_mes"] == 3
    assert (cv.meta, cv.estado, cv.semaforo) == (None, Estado.SIN_META, None)
    assert (cv.inicio, cv.fin) == (date(2011, 12, 26), date(2012, 6, 25))


def test_r19_empresa_sin_asignar_cuenta_en_la_regional_no_en_el_gestor(via: Via) -> None:
    inf = _informe_cv(via)
    huila = inf.regional("Huila").cv
    assert huila.valor == 8  # 5 de ana + 3 sin asignar
    assert huila.meta == 160
    assert huila.detalle == {"incremento_mes": 6, "dentro_de_cuota": 2}
    assert huila.estado is Estado.EN_CURSO
    assert huila.semaforo is Semaforo.ROJO  # 8 ÷ (160 × 6/12) = 0,1
    assert inf.gestor("luis").cv.valor == 0
    assert inf.rol("Empresarial").cv.valor == 5
    assert inf.rol("Empresarial").cv.estado is Estado.SIN_META
    assert inf.rol("Estratégico").cv.valor == 0
    assert inf.regional("Antioquia").cv.valor == 1
    assert inf.regional("Antioquia").cv.meta == 2500
    assert inf.gestor("pepe").cv.valor == 0
    nacion = inf.nacional.cv
    assert (nacion.valor, nacion.meta) == (9, 14_200)
    assert nacion.detalle == {"incremento_mes": 6, "dentro_de_cuota": 2}


def test_r19_exclusiones_de_cv(via: Via) -> None:
    motivos = Counter((r.fecha, m) for r, m in _motivos(_informe_cv(via), ContratoAprendizaje))
    assert motivos == Counter(
        [
            (date(2011, 12, 25), Motivo.FUERA_DE_VIGENCIA),
            (date(2012, 6, 26), Motivo.POSTERIOR_AL_CORTE),
        ]
    )


def test_r19_obligada_por_debajo_de_su_cuota_no_suma_voluntarios(via: Via) -> None:
    contratos = _contratos("800000101", [date(2012, 3, 1)] * 2, obligada=True, cuota=3)
    cv = via.informe_de([ANA], asignar("ana", ["800000101"]), contratos=contratos).gestor("ana").cv
    assert cv.valor == 0
    assert cv.detalle == {"incremento_mes": 0, "dentro_de_cuota": 2}


def test_r19_en_enero_el_incremento_es_todo_lo_del_anio(via: Via) -> None:
    contratos = _contratos("800000101", [date(2011, 12, 26), date(2012, 1, 25)])
    cv = via.informe_de([ANA], contratos=contratos, mes=1).regional("Huila").cv
    assert (cv.valor, cv.detalle["incremento_mes"]) == (2, 2)
    assert cv.inicio == date(2011, 12, 26)


def test_r19_el_incremento_del_mes_es_la_diferencia_de_acumulados(via: Via) -> None:
    contratos = _contratos("800000101", [date(2012, 2, 1), date(2012, 3, 1), date(2012, 3, 2)])
    acumulado = [
        via.informe_de([ANA], contratos=contratos, mes=mes).regional("Huila").cv
        for mes in (1, 2, 3, 4)
    ]
    assert [r.valor for r in acumulado] == [0, 1, 3, 3]
    assert [r.detalle["incremento_mes"] for r in acumulado] == [0, 1, 2, 0]


def _cv_huila(via: Via, contratos: int, mes: int) -> Resultado:
    fecha = date(2012, mes, 1)
    registros = _contratos("800000301", [fecha] * contratos)
    return via.informe_de([ANA], contratos=registros, mes=mes).regional("Huila").cv


@pytest.mark.parametrize(
    ("contratos", "semaforo"),
    [
        (80, Semaforo.VERDE),  # 50 % de 160 en junio: 80 ÷ 80 = 1
        (72, Semaforo.VERDE),  # 0,90 exacto
        (71, Semaforo.AMARILLO),
        (64, Semaforo.AMARILLO),  # 40 %: 0,4 ÷ 0,5 = 0,8
        (56, Semaforo.AMARILLO),  # 0,70 exacto
        (55, Semaforo.ROJO),
        (48, Semaforo.ROJO),  # 30 %: 0,6
    ],
)
def test_r25_cv_regional_en_junio_contra_la_meta_prorrateada(
    via: Via, contratos: int, semaforo: Semaforo
) -> None:
    cv = _cv_huila(via, contratos, mes=6)
    assert (cv.meta, cv.estado, cv.semaforo) == (160, Estado.EN_CURSO, semaforo)


@pytest.mark.parametrize(
    ("contratos", "estado"), [(160, Estado.CUMPLE), (161, Estado.CUMPLE), (159, Estado.NO_CUMPLE)]
)
def test_r24_cv_se_evalua_al_cerrar_la_vigencia_en_diciembre(
    via: Via, contratos: int, estado: Estado
) -> None:
    assert _cv_huila(via, contratos, mes=12).estado is estado


@pytest.mark.parametrize("mes", [1, 6, 12])
def test_r25_meta_cero_de_guainia_es_verde(via: Via, mes: int) -> None:
    cv = via.informe_de([ANA], mes=mes).regional("Guainía").cv
    assert (cv.meta, cv.valor, cv.semaforo) == (0, 0, Semaforo.VERDE)
    assert cv.estado is (Estado.CUMPLE if mes == 12 else Estado.EN_CURSO)


def test_r19_en_febrero_el_incremento_descuenta_lo_de_enero(via: Via) -> None:
    # Febrero: el corte anterior es el 2012-01-25; el contrato del 2012-01-20 es de enero.
    contratos = _contratos("800000101", [date(2012, 1, 20), date(2012, 2, 10)])
    cv = via.informe_de([ANA], contratos=contratos, mes=2).regional("Huila").cv
    assert (cv.valor, cv.detalle["incremento_mes"]) == (2, 1)
