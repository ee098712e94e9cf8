"""EC: empresas contactadas (R14, R15): los casos trabajados, por las dos vías.

La vía por registros es `indicadores/ec.py`; su gemelo por columnas, `tablas/ec.py`.

Cada caso está calculado a mano en el comentario o en el nombre de la prueba: las cifras
esperadas no salen del código que se prueba. Cada caso que arma un informe corre por las dos
vías (fixture `via`, tests/_vias.py): `informe()` sobre registros y `informe_tabular` sobre
tablas polars. Periodos de 2012 con corte 25 (R8–R9): marzo va del 2012-02-26 al 2012-03-25 y
su trimestre (T1) del 2011-12-26 al 2012-03-25; junio va del 2012-05-26 al 2012-06-25 y su
trimestre (T2) del 2012-03-26 al 2012-06-25; la vigencia va del 2011-12-26 al 2012-12-25.
"""

from __future__ import annotations

import decimal
from collections import Counter
from datetime import date
from decimal import Decimal, Inexact, localcontext
from typing import Any

import pytest
from _constructores import (
    ANA,
    ANTIOQUIA,
    EVA,
    LUIS,
    asignar,
    contactar,
    nits,
)
from _constructores import (
    motivos as _motivos,
)
from _vias import Via

from sena_relacionamiento import (
    Contacto,
    Estado,
    Motivo,
    Resultado,
    Rol,
    Semaforo,
)


def _por_tipo(nuevo: tuple[int, int], mantenimiento: tuple[int, int]) -> dict[str, Any]:
    """El detalle `por_tipo_y_medio` esperado: (telefónico, visita) de cada tipo."""
    return {
        "NUEVO": {"TELEFONICO": nuevo[0], "VISITA": nuevo[1]},
        "MANTENIMIENTO": {"TELEFONICO": mantenimiento[0], "VISITA": mantenimiento[1]},
    }


def _cobertura(via: Via, contactadas: int, asignadas: int, fecha: date, mes: int) -> Resultado:
    empresas = nits(asignadas)
    inf = via.informe_de(
        [ANA],
        asignar("ana", empresas),
        contactos=contactar("ana", empresas[:contactadas], fecha),
        mes=mes,
    )
    return inf.gestor("ana").ec


def test_r14_gestor_exactamente_90_por_ciento_cumple_en_marzo(via: Via) -> None:
    ec = _cobertura(via, 27, 30, date(2012, 2, 10), mes=3)
    assert (ec.numerador, ec.denominador) == (27, 30)
    assert ec.valor == Decimal("0.9")
    assert isinstance(ec.valor, Decimal)
    assert ec.meta == Decimal("0.90")
    assert ec.estado is Estado.CUMPLE
    assert ec.semaforo is Semaforo.VERDE
    assert (ec.inicio, ec.fin) == (date(2011, 12, 26), date(2012, 3, 25))


def test_r14_gestor_con_26_de_30_no_cumple_al_cerrar_el_trimestre(via: Via) -> None:
    ec = _cobertura(via, 26, 30, date(2012, 2, 10), mes=3)
    assert ec.estado is Estado.NO_CUMPLE
    # 26/30 ÷ 0,90 = 0,963 ≥ 0,90: el semáforo es el avance, no el cumplimiento (R25).
    assert ec.semaforo is Semaforo.VERDE


@pytest.mark.parametrize(("mes", "fin"), [(1, date(2012, 1, 25)), (2, date(2012, 2, 25))])
def test_r14_gestor_al_90_por_ciento_esta_en_curso_en_enero_y_febrero(
    via: Via, mes: int, fin: date
) -> None:
    ec = _cobertura(via, 27, 30, date(2012, 1, 10), mes=mes)
    assert ec.estado is Estado.EN_CURSO
    assert ec.valor == Decimal("0.9")
    assert (ec.inicio, ec.fin) == (date(2011, 12, 26), fin)
    assert ec.semaforo is Semaforo.VERDE


@pytest.mark.parametrize(
    ("contactadas", "asignadas", "semaforo"),
    [
        (9, 30, Semaforo.VERDE),  # 30 % ÷ (90 % × 1/3) = 1
        (27, 100, Semaforo.VERDE),  # 27 % ÷ 30 % = 0,90 exacto
        (26, 100, Semaforo.AMARILLO),  # 0,8667
        (21, 100, Semaforo.AMARILLO),  # 0,70 exacto
        (20, 100, Semaforo.ROJO),  # 0,6667
        (0, 10, Semaforo.ROJO),
    ],
)
def test_r25_ec_en_enero_se_compara_con_la_meta_prorrateada(
    via: Via, contactadas: int, asignadas: int, semaforo: Semaforo
) -> None:
    ec = _cobertura(via, contactadas, asignadas, date(2012, 1, 10), mes=1)
    assert ec.estado is Estado.EN_CURSO
    assert ec.semaforo is semaforo


def test_r25_ec_en_mayo_se_prorratea_por_dos_tercios_del_trimestre(via: Via) -> None:
    # Mayo es el 2.º mes de T2: esperado 0,90 × 2/3 = 0,60; 18/30 = 0,60 → verde.
    ec = _cobertura(via, 18, 30, date(2012, 4, 10), mes=5)
    assert (ec.estado, ec.semaforo) == (Estado.EN_CURSO, Semaforo.VERDE)
    # 12/30 = 0,40 ÷ 0,60 = 0,667 → rojo.
    assert _cobertura(via, 12, 30, date(2012, 4, 10), mes=5).semaforo is Semaforo.ROJO


def test_r14_contactos_del_trimestre_anterior_no_cuentan_en_la_cobertura(via: Via) -> None:
    # Junio: T2 empieza el 2012-03-26; un contacto del 2012-03-25 es de T1.
    ec = _cobertura(via, 30, 30, date(2012, 3, 25), mes=6)
    assert (ec.numerador, ec.denominador, ec.valor) == (0, 30, Decimal(0))
    assert ec.estado is Estado.NO_CUMPLE
    assert _cobertura(via, 30, 30, date(2012, 3, 26), mes=6).estado is Estado.CUMPLE


def test_r22_cobertura_regional_se_recalcula_de_las_sumas_no_es_promedio(via: Via) -> None:
    ana, luis, eva = nits(10, 100), nits(30, 200), nits(2, 300)
    inf = via.informe_de(
        [ANA, LUIS, EVA],
        asignar("ana", ana) + asignar("luis", luis) + asignar("eva", eva),
        contactos=contactar("ana", ana[:9], date(2012, 3, 1))
        + contactar("luis", luis[:10], date(2012, 3, 1))
        + contactar("eva", eva[:1], date(2012, 3, 1)),
    )
    assert inf.gestor("ana").ec.valor == Decimal("0.9")
    assert inf.gestor("luis").ec.valor == Decimal(10) / 30
    huila = inf.regional("Huila").ec
    # 9/10 y 10/30 → 19/40 = 0,475, no el promedio (0,9 + 0,333…)/2 = 0,6167.
    assert (huila.numerador, huila.denominador, huila.valor) == (19, 40, Decimal("0.475"))
    assert huila.estado is Estado.NO_CUMPLE
    assert huila.semaforo is Semaforo.ROJO  # 0,475 ÷ 0,90 = 0,53
    nacion = inf.nacional.ec
    assert (nacion.numerador, nacion.denominador) == (20, 42)
    assert nacion.valor == Decimal(20) / Decimal(42)
    estrategico = inf.rol("Estratégico").ec
    assert (estrategico.numerador, estrategico.denominador) == (11, 32)
    empresarial = inf.rol(Rol.EMPRESARIAL).ec
    assert (empresarial.numerador, empresarial.denominador, empresarial.valor) == (
        9,
        10,
        Decimal("0.9"),
    )
    assert empresarial.estado is Estado.CUMPLE
    antioquia = inf.regional(ANTIOQUIA).ec
    assert (antioquia.numerador, antioquia.denominador, antioquia.valor) == (1, 2, Decimal("0.5"))


def test_las_razones_no_dependen_del_contexto_decimal_de_quien_llama(via: Via) -> None:
    with localcontext() as contexto:
        contexto.prec = 3
        contexto.traps[Inexact] = True
        ec = _cobertura(via, 10, 30, date(2012, 3, 1), mes=3)
    assert ec.valor == Decimal("0.3333333333333333333333333333")


def test_r24_las_razones_no_dependen_del_contexto_decimal_por_omision(
    via: Via, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `decimal.DefaultContext` es el molde de todo `Context()` sin argumentos: el contexto de
    # las razones fija sus tres ajustes (precisión, redondeo, trampas), no los hereda.
    monkeypatch.setattr(decimal.DefaultContext, "prec", 3)
    monkeypatch.setattr(decimal.DefaultContext, "rounding", decimal.ROUND_UP)
    monkeypatch.setitem(decimal.DefaultContext.traps, Inexact, True)
    ec = _cobertura(via, 10, 30, date(2012, 3, 1), mes=3)
    assert ec.valor == Decimal("0.3333333333333333333333333333")


def test_r14_contactos_por_tipo_y_medio_y_fuera_de_cartera(via: Via) -> None:
    # Junio: trimestre T2 del 2012-03-26 al 2012-06-25; vigencia desde el 2011-12-26.
    a, b, c = nits(3, 100)
    d = "800000201"  # de luis
    e = "800000301"  # de nadie
    en_t2 = date(2012, 4, 10)
    contactos = [
        Contacto(gestor="ana", nit=a, fecha=en_t2, tipo="nuevo", medio="visita"),
        Contacto(gestor="ana", nit=a, fecha=en_t2, tipo="mantenimiento", medio="telefónico"),
        Contacto(gestor="ana", nit=b, fecha=en_t2, tipo="nuevo", medio="visita"),
        Contacto(gestor="ana", nit=b, fecha=date(2012, 6, 25), tipo="nuevo", medio="telefónico"),
        Contacto(gestor="ana", nit=d, fecha=en_t2, tipo="nuevo", medio="visita"),  # fuera
        Contacto(gestor="ana", nit=e, fecha=en_t2, tipo="nuevo", medio="visita"),  # fuera
        Contacto(gestor="luis", nit=a, fecha=en_t2, tipo="nuevo", medio="visita"),  # fuera
        # Antes de T2 pero en la vigencia: a la cartera cuenta en el año (R15) ...
        Contacto(gestor="ana", nit=c, fecha=date(2012, 2, 10), tipo="nuevo", medio="visita"),
    ]
    fuera_de_t2 = Contacto(
        gestor="ana", nit=e, fecha=date(2012, 2, 10), tipo="nuevo", medio="visita"
    )  # ... fuera de la cartera y del trimestre se excluye.
    anterior = Contacto(gestor="ana", nit=a, fecha=date(2011, 12, 25), tipo="nuevo", medio="visita")
    posterior = Contacto(gestor="ana", nit=a, fecha=date(2012, 6, 26), tipo="nuevo", medio="visita")
    desconocido = Contacto(gestor="nadie", nit=a, fecha=en_t2, tipo="nuevo", medio="visita")
    inf = via.informe_de(
        [ANA, LUIS],
        asignar("ana", [a, b, c]) + asignar("luis", [d]),
        contactos=[*contactos, fuera_de_t2, anterior, posterior, desconocido],
        mes=6,
    )
    ec_ana = inf.gestor("ana").ec
    assert (ec_ana.numerador, ec_ana.denominador) == (2, 3)
    assert ec_ana.detalle["por_tipo_y_medio"] == _por_tipo(nuevo=(1, 2), mantenimiento=(1, 0))
    assert ec_ana.detalle["fuera_de_cartera"] == 2
    ec_luis = inf.gestor("luis").ec
    assert (ec_luis.numerador, ec_luis.denominador, ec_luis.valor) == (0, 1, Decimal(0))
    assert ec_luis.estado is Estado.NO_CUMPLE
    assert ec_luis.detalle["por_tipo_y_medio"] == _por_tipo((0, 0), (0, 0))
    assert ec_luis.detalle["fuera_de_cartera"] == 1
    for tablero in (inf.regional("Huila"), inf.nacional):
        assert tablero.ec.detalle["por_tipo_y_medio"] == _por_tipo((1, 2), (1, 0))
        assert tablero.ec.detalle["fuera_de_cartera"] == 3
        assert (tablero.ec.numerador, tablero.ec.denominador) == (2, 4)
    assert inf.rol("Estratégico").ec.detalle["fuera_de_cartera"] == 1
    assert inf.rol("Empresarial").ec.detalle["fuera_de_cartera"] == 2
    assert inf.regional("Antioquia").ec.detalle["fuera_de_cartera"] == 0
    assert _motivos(inf, Contacto) == Counter(
        [
            (desconocido, Motivo.GESTOR_DESCONOCIDO),
            (posterior, Motivo.POSTERIOR_AL_CORTE),
            (anterior, Motivo.FUERA_DE_VIGENCIA),
            (fuera_de_t2, Motivo.FUERA_DEL_TRIMESTRE),
        ]
    )


def test_r15_empresas_con_menos_de_3_contactos_en_el_anio(via: Via) -> None:
    a, b, c, d = nits(4, 100)
    x, y = nits(2, 200)

    def veces(id_gestor: str, nit: str, *fechas: date) -> list[Contacto]:
        return [c for f in fechas for c in contactar(id_gestor, [nit], f)]

    contactos = (
        # a: 3 en la vigencia (y uno de 2011 que no cuenta) → no se lista.
        veces("ana", a, date(2011, 12, 20), date(2011, 12, 26), date(2012, 4, 1), date(2012, 6, 1))
        # b: 2 en la vigencia y uno después del corte → se lista.
        + veces("ana", b, date(2012, 1, 5), date(2012, 6, 25), date(2012, 6, 26))
        # c: ninguno → se lista. d: 5 → no se lista.
        + veces("ana", d, *[date(2012, m, 1) for m in range(1, 6)])
        # x de luis: 2 contactos, pero uno lo hace ana (fuera de su cartera) → se lista.
        + veces("luis", x, date(2012, 5, 1), date(2012, 5, 2))
        + veces("ana", x, date(2012, 5, 3))
        + veces("luis", y, date(2012, 1, 1), date(2012, 2, 1), date(2012, 3, 1))
    )
    inf = via.informe_de(
        [ANA, LUIS],
        asignar("ana", [a, b, c, d]) + asignar("luis", [x, y]),
        contactos=contactos,
        mes=6,
    )
    clave = "empresas_con_menos_de_3_contactos"
    assert inf.gestor("ana").ec.detalle[clave] == (b, c)
    assert inf.gestor("luis").ec.detalle[clave] == (x,)
    assert inf.regional("Huila").ec.detalle[clave] == tuple(sorted([b, c, x]))
    assert inf.nacional.ec.detalle[clave] == tuple(sorted([b, c, x]))
    assert inf.rol("Estratégico").ec.detalle[clave] == (x,)
    assert inf.regional("Antioquia").ec.detalle[clave] == ()
