"""Periodos, trimestres y vigencias (R8–R12)."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import holidays
import pytest
from babel.dates import format_skeleton
from hypothesis import given
from hypothesis import strategies as st

from sena_relacionamiento.errores import DatoInvalido, DependenciaFaltante
from sena_relacionamiento.periodos import Lapso, Periodo, Trimestre, Vigencia

UN_DIA = timedelta(days=1)
MADRID = ZoneInfo("Europe/Madrid")
UTC_MAS_9 = timezone(timedelta(hours=9))
UTC_MENOS_8 = timezone(timedelta(hours=-8))

CLASES: list[type[Lapso]] = [Periodo, Trimestre, Vigencia]
fechas = st.dates(date(1990, 1, 1), date(2100, 12, 31))
cortes = st.integers(1, 28)
clases = st.sampled_from(CLASES)
FESTIVOS = holidays.country_holidays("CO", years=range(1989, 2102))


# --- R8: el periodo mensual cierra el día de corte -------------------------------------


def test_r8_marzo_2012_va_del_26_de_febrero_al_25_de_marzo() -> None:
    marzo = Periodo(2012, 3)
    assert (marzo.inicio, marzo.fin) == (date(2012, 2, 26), date(2012, 3, 25))
    assert marzo.dias == 29  # 2012 es bisiesto: 26–29 de febrero y 1–25 de marzo


def test_r8_enero_empieza_el_26_de_diciembre_del_anio_anterior() -> None:
    enero = Periodo(2012, 1)
    assert (enero.inicio, enero.fin) == (date(2011, 12, 26), date(2012, 1, 25))


def test_r8_el_25_es_de_su_mes_y_el_26_del_siguiente() -> None:
    assert Periodo.de(date(2012, 3, 25)) == Periodo(2012, 3)
    assert Periodo.de(date(2012, 3, 26)) == Periodo(2012, 4)
    assert date(2012, 3, 25) in Periodo(2012, 3)
    assert date(2012, 3, 26) not in Periodo(2012, 3)
    assert date(2012, 2, 26) in Periodo(2012, 3)
    assert date(2012, 2, 25) not in Periodo(2012, 3)


@pytest.mark.parametrize("dia", range(26, 32))
def test_r8_del_26_al_31_de_diciembre_es_enero_del_anio_siguiente(dia: int) -> None:
    assert Periodo.de(date(2012, 12, dia)) == Periodo(2013, 1)
    assert Trimestre.de(date(2012, 12, dia)) == Trimestre(2013, 1)
    assert Vigencia.de(date(2012, 12, dia)) == Vigencia(2013)


def test_r8_29_de_febrero_de_2012_es_de_marzo() -> None:
    assert Periodo.de(date(2012, 2, 29)) == Periodo(2012, 3)
    assert Periodo.de(date(2012, 2, 29), dia_corte=28) == Periodo(2012, 3, 28)
    assert Periodo(2012, 3, 28).inicio == date(2012, 2, 29)
    assert Periodo(2012, 2, 28).dias == 31  # 29–31 de enero y 1–28 de febrero


def test_r8_corte_28_en_febrero_de_un_anio_no_bisiesto() -> None:
    febrero = Periodo(2013, 2, dia_corte=28)
    assert (febrero.inicio, febrero.fin) == (date(2013, 1, 29), date(2013, 2, 28))
    marzo = Periodo(2013, 3, dia_corte=28)
    assert (marzo.inicio, marzo.fin, marzo.dias) == (date(2013, 3, 1), date(2013, 3, 28), 28)
    assert Periodo.de(date(2013, 3, 1), dia_corte=28) == marzo


def test_r8_texto_y_etiqueta() -> None:
    assert str(Periodo(2012, 3)) == "2012-03"
    assert str(Periodo(2, 1)) == "0002-01"
    assert Periodo.parse("2012-03") == Periodo(2012, 3)
    assert Periodo.parse("2012-03", dia_corte=20) == Periodo(2012, 3, 20)
    assert Periodo.parse("0002-01") == Periodo(2, 1)
    assert Periodo(2012, 3).etiqueta() == "marzo de 2012"
    assert Periodo(2012, 12).etiqueta("es") == "diciembre de 2012"
    # En otro idioma, el nombre que da babel al mes del corte (sin fijar sus datos CLDR).
    assert Periodo(2012, 3).etiqueta("en_US") == format_skeleton(
        "yMMMM", date(2012, 3, 1), locale="en_US"
    )
    assert len({Periodo(2012, mes).etiqueta("en_US") for mes in range(1, 13)}) == 12


def test_r8_un_periodo_es_su_unico_periodo() -> None:
    assert Periodo(2012, 3).periodos == (Periodo(2012, 3),)


# --- R9: trimestres y vigencia -----------------------------------------------------------


def test_r9_trimestres_de_2012() -> None:
    t1, t4 = Trimestre(2012, 1), Trimestre(2012, 4)
    assert (t1.inicio, t1.fin) == (date(2011, 12, 26), date(2012, 3, 25))
    assert (t4.inicio, t4.fin) == (date(2012, 9, 26), date(2012, 12, 25))
    assert t1.periodos == (Periodo(2012, 1), Periodo(2012, 2), Periodo(2012, 3))
    assert t4.periodos == (Periodo(2012, 10), Periodo(2012, 11), Periodo(2012, 12))
    assert t1.dias == 91  # 2011-12-26 … 2012-03-25
    assert t1.vigencia == Vigencia(2012)


@pytest.mark.parametrize(
    ("mes", "numero"),
    [
        (1, 1),
        (2, 1),
        (3, 1),
        (4, 2),
        (5, 2),
        (6, 2),
        (7, 3),
        (8, 3),
        (9, 3),
        (10, 4),
        (11, 4),
        (12, 4),
    ],
)
def test_r9_el_trimestre_n_tiene_los_meses_3n_menos_2_a_3n(mes: int, numero: int) -> None:
    assert Periodo(2012, mes).trimestre == Trimestre(2012, numero)
    assert Periodo(2012, mes, 20).trimestre == Trimestre(2012, numero, 20)
    assert Periodo(2012, mes).vigencia == Vigencia(2012)


def test_r9_vigencia_2012() -> None:
    vigencia = Vigencia(2012)
    assert (vigencia.inicio, vigencia.fin) == (date(2011, 12, 26), date(2012, 12, 25))
    assert vigencia.periodos == tuple(Periodo(2012, m) for m in range(1, 13))
    assert vigencia.trimestres == tuple(Trimestre(2012, n) for n in range(1, 5))
    assert vigencia.dias == 366
    assert vigencia.vigencia == vigencia
    assert Vigencia(2012, 20).trimestres[0] == Trimestre(2012, 1, 20)


def test_r9_texto_y_etiquetas() -> None:
    assert str(Trimestre(2012, 1)) == "2012-T1"
    assert str(Vigencia(2012)) == "2012"
    assert Trimestre.parse("2012-T4", dia_corte=10) == Trimestre(2012, 4, 10)
    assert Vigencia.parse("2012") == Vigencia(2012)
    # El nombre del trimestre es el de babel para su primer mes (R9); la forma del ordinal
    # («1.º», «3.er», «2nd») es dato CLDR, que cambia entre versiones: no se fija aquí.
    for locale in ("es_CO", "es", "en_US"):
        etiquetas = [Trimestre(2012, n).etiqueta(locale) for n in range(1, 5)]
        assert etiquetas == [
            format_skeleton("yQQQQ", date(2012, 3 * n - 2, 1), locale=locale) for n in range(1, 5)
        ]
        assert len(set(etiquetas)) == 4
        assert all("2012" in e and str(n) in e for n, e in enumerate(etiquetas, 1))
    assert "trimestre" in Trimestre(2012, 1).etiqueta()
    assert Vigencia(2012).etiqueta() == "vigencia 2012"
    assert Vigencia(2013).etiqueta("en_US") == "vigencia 2013"


@pytest.mark.parametrize("clase", CLASES)
@pytest.mark.parametrize("locale", ["xx_YY", "zz", "", "es-CO", None, 5])
def test_r8_r9_locale_invalido(clase: type[Lapso], locale: Any) -> None:
    lapso = clase.de(date(2012, 3, 1))
    with pytest.raises(DatoInvalido) as error:
        lapso.etiqueta(locale)
    assert error.value.campo == "locale"


# --- R10: el día de corte es un parámetro de 1 a 28 ------------------------------------


@pytest.mark.parametrize("dia_corte", [0, 29, 30, 31, -1, True, "25", 25.0, None])
def test_r10_dia_de_corte_invalido(dia_corte: Any) -> None:
    intentos: list[Callable[[], object]] = [
        lambda: Periodo(2012, 3, dia_corte),
        lambda: Trimestre(2012, 1, dia_corte=dia_corte),
        lambda: Vigencia(2012, dia_corte),
        lambda: Periodo.de(date(2012, 3, 1), dia_corte=dia_corte),
        lambda: Trimestre.parse("2012-T1", dia_corte=dia_corte),
        lambda: Vigencia.de(date(2012, 3, 1), dia_corte=dia_corte),
    ]
    for intento in intentos:
        with pytest.raises(DatoInvalido) as error:
            intento()
        assert error.value.campo == "dia_corte"


@pytest.mark.parametrize("dia_corte", [1, 28])
def test_r10_cortes_extremos_validos(dia_corte: int) -> None:
    enero = Periodo(2012, 1, dia_corte)
    assert enero.fin == date(2012, 1, dia_corte)
    assert enero.inicio == date(2011, 12, dia_corte + 1)


@pytest.mark.parametrize(
    ("clase", "argumentos", "campo"),
    [
        (Periodo, (2012, 0), "mes"),
        (Periodo, (2012, 13), "mes"),
        (Periodo, (2012, True), "mes"),
        (Periodo, (2012, "3"), "mes"),
        (Periodo, (2012, 3.0), "mes"),
        (Trimestre, (2012, 0), "numero"),
        (Trimestre, (2012, 5), "numero"),
        (Periodo, (1, 12), "anio"),
        (Periodo, (10_000, 1), "anio"),
        (Periodo, (True, 1), "anio"),
        (Trimestre, ("2012", 1), "anio"),
        (Vigencia, (2012.0,), "anio"),
        (Vigencia, (None,), "anio"),
    ],
)
def test_r10_campos_invalidos(clase: type[Lapso], argumentos: tuple[Any, ...], campo: str) -> None:
    with pytest.raises(DatoInvalido) as error:
        clase(*argumentos)
    assert error.value.campo == campo
    assert error.value.valor == argumentos[-1 if campo != "anio" else 0]


def test_r10_los_bordes_de_los_anios_representables() -> None:
    assert Periodo(2, 1).inicio == date(1, 12, 26)
    assert Periodo(9999, 12).fin == date(9999, 12, 25)
    assert Periodo.de(date(1, 12, 26)) == Periodo(2, 1)
    assert Vigencia.de(date(9999, 12, 25)) == Vigencia(9999)
    with pytest.raises(DatoInvalido, match="año"):
        Periodo(9999, 12).siguiente()
    with pytest.raises(DatoInvalido, match="año"):
        Vigencia(2).anterior()
    for fecha in (date(1, 12, 25), date(9999, 12, 26), date.min, date.max):
        with pytest.raises(DatoInvalido) as error:
            Periodo.de(fecha)
        assert error.value.campo == "fecha"


def test_r10_son_inmutables_y_validan_al_evolucionar() -> None:
    periodo = Periodo(2012, 3)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        periodo.mes = 4  # type: ignore[misc]
    with pytest.raises(DatoInvalido):
        attrs.evolve(periodo, dia_corte=31)
    assert attrs.evolve(periodo, mes=4) == Periodo(2012, 4)


def test_r10_siguiente_y_anterior_cruzan_el_anio() -> None:
    assert Periodo(2012, 12).siguiente() == Periodo(2013, 1)
    assert Periodo(2012, 1).anterior() == Periodo(2011, 12)
    assert Trimestre(2012, 4, 20).siguiente() == Trimestre(2013, 1, 20)
    assert Trimestre(2012, 1).anterior() == Trimestre(2011, 4)
    assert Vigencia(2012).siguiente() == Vigencia(2013)
    assert Periodo(2012, 3, 20).siguiente().dia_corte == 20


# --- Texto mal formado ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("clase", "texto", "esperado"),
    [
        (Periodo, "2012-3", "AAAA-MM"),
        (Periodo, "2012-13", "AAAA-MM"),
        (Periodo, "2012-00", "AAAA-MM"),
        (Periodo, "12-03", "AAAA-MM"),
        (Periodo, "", "AAAA-MM"),
        (Periodo, " 2012-03", "AAAA-MM"),
        (Periodo, "2012-03 ", "AAAA-MM"),
        (Periodo, "2012/03", "AAAA-MM"),
        (Periodo, "２０１２-03", "AAAA-MM"),  # cifras de ancho completo
        (Periodo, "0001-12", "AAAA-MM"),
        (Periodo, "2012-T1", "AAAA-MM"),
        (Periodo, 201203, "AAAA-MM"),
        (Periodo, None, "AAAA-MM"),
        (Trimestre, "2012-T5", "AAAA-Tn"),
        (Trimestre, "2012-T0", "AAAA-Tn"),
        (Trimestre, "2012T1", "AAAA-Tn"),
        (Trimestre, "2012-t1", "AAAA-Tn"),
        (Trimestre, "2012-Q1", "AAAA-Tn"),
        (Trimestre, "2012-03", "AAAA-Tn"),
        (Trimestre, "", "AAAA-Tn"),
        (Vigencia, "12", "AAAA"),
        (Vigencia, "2012-", "AAAA"),
        (Vigencia, "0001", "AAAA"),
        (Vigencia, "", "AAAA"),
    ],
)
def test_r8_r9_texto_mal_formado(clase: type[Lapso], texto: Any, esperado: str) -> None:
    with pytest.raises(DatoInvalido) as error:
        clase.parse(texto)
    assert error.value.campo == "texto"
    assert error.value.valor == texto
    assert f"se esperaba {esperado}, por ejemplo 2012" in str(error.value)


def test_r8_texto_con_mes_fuera_de_rango_dice_por_que() -> None:
    with pytest.raises(DatoInvalido, match="el mes va de 1 a 12; se esperaba AAAA-MM"):
        Periodo.parse("2012-13")
    with pytest.raises(DatoInvalido, match="el trimestre va de 1 a 4; se esperaba AAAA-Tn"):
        Trimestre.parse("2012-T5")


# --- R11: fechas y horas en Bogotá --------------------------------------------------------


@pytest.mark.parametrize(
    ("instante", "mes"),
    [
        (datetime(2012, 3, 25, 23, 59, 59, 999_999), 3),  # ingenuo = Bogotá
        (datetime(2012, 3, 26, 0, 0), 4),
        (datetime(2012, 3, 26, 3, 0, tzinfo=UTC), 3),  # 22:00 del 25 en Bogotá
        (datetime(2012, 3, 26, 4, 59, 59, tzinfo=UTC), 3),
        (datetime(2012, 3, 26, 5, 0, tzinfo=UTC), 4),  # medianoche en Bogotá
        (datetime(2012, 3, 26, 6, 0, tzinfo=MADRID), 3),  # CEST: 04:00Z, 23:00 en Bogotá
        (datetime(2012, 3, 26, 7, 0, tzinfo=MADRID), 4),
        (datetime(2012, 3, 26, 13, 59, tzinfo=UTC_MAS_9), 3),
        (datetime(2012, 3, 26, 14, 0, tzinfo=UTC_MAS_9), 4),
        # Al oeste de Bogotá: el 25 a las 22:00 en UTC−8 ya es el 26 a la 01:00 en Bogotá.
        (datetime(2012, 3, 25, 20, 0, tzinfo=UTC_MENOS_8), 3),
        (datetime(2012, 3, 25, 22, 0, tzinfo=UTC_MENOS_8), 4),
    ],
)
def test_r11_datetimes_se_leen_en_bogota(instante: datetime, mes: int) -> None:
    assert Periodo.de(instante) == Periodo(2012, mes)
    assert instante in Periodo(2012, mes)
    assert instante not in Periodo(2012, 7 - mes)  # el otro de los dos (3 ↔ 4)


def test_r11_fin_de_anio_en_utc() -> None:
    # 2012-12-26T02:00Z es el 25 de diciembre a las 21:00 en Bogotá.
    instante = datetime(2012, 12, 26, 2, 0, tzinfo=UTC)
    assert Vigencia.de(instante) == Vigencia(2012)
    assert Trimestre.de(instante) == Trimestre(2012, 4)
    assert Vigencia.de(instante + timedelta(hours=3)) == Vigencia(2013)


@pytest.mark.parametrize("clase", CLASES)
@pytest.mark.parametrize("valor", ["2012-03-01", None, 20120301, 1331000000.0])
def test_r11_lo_que_no_es_fecha_es_dato_invalido(clase: type[Lapso], valor: Any) -> None:
    with pytest.raises(DatoInvalido) as error:
        clase.de(valor)
    assert error.value.campo == "fecha"
    with pytest.raises(DatoInvalido):
        _ = valor in clase.de(date(2012, 3, 1))


# --- Orden y comparación ------------------------------------------------------------------


def test_r10_orden_de_lapsos_del_mismo_corte() -> None:
    marzo, abril = Periodo(2012, 3), Periodo(2012, 4)
    assert marzo < abril
    assert marzo <= abril
    assert marzo <= Periodo(2012, 3)
    assert abril > marzo
    assert abril >= marzo
    assert abril >= Periodo(2012, 4)
    assert not marzo < Periodo(2012, 3)
    assert not abril <= marzo
    assert not marzo > abril
    assert not marzo >= abril
    assert Periodo(2011, 12) < Periodo(2012, 1)
    assert sorted([Trimestre(2012, 1), Trimestre(2011, 4), Trimestre(2012, 3)]) == [
        Trimestre(2011, 4),
        Trimestre(2012, 1),
        Trimestre(2012, 3),
    ]
    assert max(Vigencia(2011), Vigencia(2013), Vigencia(2012)) == Vigencia(2013)


@pytest.mark.parametrize(
    "comparar",
    [
        lambda a, b: a < b,
        lambda a, b: a <= b,
        lambda a, b: a > b,
        lambda a, b: a >= b,
    ],
)
@pytest.mark.parametrize("clase", CLASES)
def test_r10_ordenar_lapsos_de_cortes_distintos_es_dato_invalido(
    comparar: Any, clase: type[Lapso]
) -> None:
    a = clase.de(date(2012, 3, 1), dia_corte=25)
    b = clase.de(date(2012, 3, 1), dia_corte=20)
    with pytest.raises(DatoInvalido, match=r"días de corte distintos \(25 y 20\)") as error:
        comparar(a, b)
    assert error.value.campo == "dia_corte"


def test_r10_igualdad_y_hash_distinguen_el_corte() -> None:
    assert Periodo(2012, 3) != Periodo(2012, 3, 20)
    assert Periodo(2012, 3) == Periodo(2012, 3, 25)
    assert hash(Periodo(2012, 3)) == hash(Periodo(2012, 3, 25))
    assert len({Periodo(2012, 3), Periodo(2012, 3, 25), Periodo(2012, 3, 20)}) == 2
    assert len({Trimestre(2012, 1), Trimestre(2012, 1), Vigencia(2012)}) == 2


def test_r10_con_otro_tipo_la_comparacion_no_esta_implementada() -> None:
    marzo = Periodo(2012, 3)
    assert marzo.__lt__(date(2012, 3, 1)) is NotImplemented
    assert marzo.__le__(Trimestre(2012, 1)) is NotImplemented
    assert marzo.__gt__("2012-03") is NotImplemented
    assert marzo.__ge__(Vigencia(2012)) is NotImplemented
    otros: list[object] = [Trimestre(2012, 1), Vigencia(2012), "2012-03", date(2012, 3, 1)]
    assert all(marzo != otro for otro in otros)
    with pytest.raises(TypeError):
        _ = marzo < Trimestre(2012, 1)
    with pytest.raises(TypeError):
        _ = Vigencia(2012) >= 2012


def test_lapso_es_la_base_comun_y_abstracta() -> None:
    assert all(isinstance(clase.de(date(2012, 3, 1)), Lapso) for clase in CLASES)
    with pytest.raises(TypeError):
        Lapso(2012)  # type: ignore[abstract]


# --- R12: fecha de entrega ----------------------------------------------------------------

# Calendario real de 2012: corte 25, y el último día hábil en o antes de él.
ENTREGAS_2012 = {
    1: date(2012, 1, 25),  # miércoles
    2: date(2012, 2, 24),  # el 25 fue sábado
    3: date(2012, 3, 23),  # el 25 fue domingo
    4: date(2012, 4, 25),
    5: date(2012, 5, 25),
    6: date(2012, 6, 25),  # lunes, no festivo (los festivos de junio fueron el 11 y el 18)
    7: date(2012, 7, 25),
    8: date(2012, 8, 24),  # el 25 fue sábado
    9: date(2012, 9, 25),
    10: date(2012, 10, 25),
    11: date(2012, 11, 23),  # el 25 fue domingo
    12: date(2012, 12, 24),  # el 25 (martes) fue Navidad
}


@pytest.mark.parametrize(("mes", "habil"), sorted(ENTREGAS_2012.items()))
def test_r12_entrega_de_los_periodos_de_2012(mes: int, habil: date) -> None:
    periodo = Periodo(2012, mes)
    assert periodo.fecha_entrega() == date(2012, mes, 25)
    assert periodo.fecha_entrega(dias_habiles=False) == date(2012, mes, 25)
    assert periodo.fecha_entrega(dias_habiles=True) == habil


def test_r12_entrega_de_trimestres_y_vigencia() -> None:
    assert Trimestre(2012, 1).fecha_entrega() == date(2012, 3, 25)
    assert Trimestre(2012, 1).fecha_entrega(dias_habiles=True) == date(2012, 3, 23)
    assert Vigencia(2012).fecha_entrega() == date(2012, 12, 25)
    assert Vigencia(2012).fecha_entrega(dias_habiles=True) == date(2012, 12, 24)


@pytest.mark.parametrize(
    ("periodo", "habil"),
    [
        # Lunes festivo de San José (trasladado): lunes → domingo → sábado → viernes 16.
        (Periodo(2012, 3, dia_corte=19), date(2012, 3, 16)),
        # Domingo 8 de abril, sábado 7, Viernes Santo 6 y Jueves Santo 5: miércoles 4.
        (Periodo(2012, 4, dia_corte=8), date(2012, 4, 4)),
        # Domingo 1.º de enero (festivo): retrocede hasta el viernes 30 de 2011.
        (Periodo(2012, 1, dia_corte=1), date(2011, 12, 30)),
        # Viernes 20 de julio, independencia: jueves 19.
        (Periodo(2012, 7, dia_corte=20), date(2012, 7, 19)),
    ],
)
def test_r12_festivos_colombianos(periodo: Periodo, habil: date) -> None:
    assert periodo.fecha_entrega(dias_habiles=True) == habil


@given(fecha=fechas, dia_corte=cortes)
def test_r12_propiedad_ultimo_dia_habil(fecha: date, dia_corte: int) -> None:
    periodo = Periodo.de(fecha, dia_corte=dia_corte)
    entrega = periodo.fecha_entrega(dias_habiles=True)
    assert entrega in periodo
    assert entrega.weekday() < 5
    assert entrega not in FESTIVOS
    dia = entrega + UN_DIA
    while dia <= periodo.fin:  # los días saltados no son hábiles
        assert dia.weekday() >= 5 or dia in FESTIVOS
        dia += UN_DIA


@pytest.mark.parametrize("valor", ["si", 1, None])
def test_r12_dias_habiles_debe_ser_bool(valor: Any) -> None:
    with pytest.raises(DatoInvalido) as error:
        Periodo(2012, 3).fecha_entrega(dias_habiles=valor)
    assert error.value.campo == "dias_habiles"


def test_r12_sin_holidays_pide_el_extra_festivos(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "holidays", None)
    periodo = Periodo(2012, 3)
    assert periodo.fecha_entrega() == date(2012, 3, 25)  # sin opt-in no hace falta
    with pytest.raises(DependenciaFaltante) as error:
        periodo.fecha_entrega(dias_habiles=True)
    assert (error.value.paquete, error.value.extra) == ("holidays", "festivos")
    assert "pip install 'sena-relacionamiento[festivos]'" in str(error.value)
    assert isinstance(error.value, ImportError)


# --- Propiedades: los lapsos embaldosan el tiempo (R8–R11) --------------------------------


@given(clase=clases, fecha=fechas, dia_corte=cortes)
def test_r10_cada_fecha_esta_en_exactamente_un_lapso(
    clase: type[Lapso], fecha: date, dia_corte: int
) -> None:
    lapso = clase.de(fecha, dia_corte=dia_corte)
    assert lapso.dia_corte == dia_corte
    assert fecha in lapso
    assert fecha not in lapso.anterior()
    assert fecha not in lapso.siguiente()
    assert lapso.inicio <= fecha <= lapso.fin


@given(fecha=fechas, dia_corte=cortes)
def test_r9_periodo_trimestre_y_vigencia_se_anidan(fecha: date, dia_corte: int) -> None:
    periodo = Periodo.de(fecha, dia_corte=dia_corte)
    trimestre = Trimestre.de(fecha, dia_corte=dia_corte)
    vigencia = Vigencia.de(fecha, dia_corte=dia_corte)
    assert periodo.trimestre == trimestre
    assert periodo.vigencia == trimestre.vigencia == vigencia
    assert periodo in trimestre.periodos
    assert trimestre in vigencia.trimestres
    assert sum(p.dias for p in vigencia.periodos) == vigencia.dias
    assert periodo.mes == (fecha.month if fecha.day <= dia_corte else fecha.month % 12 + 1)


@given(clase=clases, fecha=fechas, dia_corte=cortes)
def test_r10_lapsos_consecutivos_se_tocan_sin_huecos(
    clase: type[Lapso], fecha: date, dia_corte: int
) -> None:
    lapso = clase.de(fecha, dia_corte=dia_corte)
    assert lapso.siguiente().inicio == lapso.fin + UN_DIA
    assert lapso.anterior().fin == lapso.inicio - UN_DIA
    assert lapso.siguiente().anterior() == lapso
    assert clase.de(lapso.inicio, dia_corte=dia_corte) == lapso
    assert clase.de(lapso.fin, dia_corte=dia_corte) == lapso
    partes = lapso.periodos
    assert (partes[0].inicio, partes[-1].fin) == (lapso.inicio, lapso.fin)
    for antes, despues in itertools.pairwise(partes):
        assert despues.inicio == antes.fin + UN_DIA


@given(fecha=fechas, dia_corte=cortes)
def test_r8_duracion_de_los_lapsos(fecha: date, dia_corte: int) -> None:
    assert 28 <= Periodo.de(fecha, dia_corte=dia_corte).dias <= 31
    assert 89 <= Trimestre.de(fecha, dia_corte=dia_corte).dias <= 92
    assert Vigencia.de(fecha, dia_corte=dia_corte).dias in (365, 366)


@given(clase=clases, fecha=fechas, dia_corte=cortes)
def test_r8_r9_parse_es_la_inversa_de_str(clase: type[Lapso], fecha: date, dia_corte: int) -> None:
    lapso = clase.de(fecha, dia_corte=dia_corte)
    assert clase.parse(str(lapso), dia_corte=dia_corte) == lapso


@given(clase=clases, una=fechas, otra=fechas, dia_corte=cortes)
def test_r10_el_orden_coincide_con_el_de_las_fechas(
    clase: type[Lapso], una: date, otra: date, dia_corte: int
) -> None:
    a, b = clase.de(una, dia_corte=dia_corte), clase.de(otra, dia_corte=dia_corte)
    if una <= otra:
        assert a <= b
    assert (a < b) == (a.fin < b.inicio)
    assert (a == b) == (a.inicio == b.inicio)
    assert (a <= b) == (a.inicio <= b.inicio)
    assert (a > b) == (b < a)
    assert (a >= b) == (b <= a)


@given(
    instante=st.datetimes(
        min_value=datetime(1990, 1, 2),
        max_value=datetime(2100, 12, 30),
        timezones=st.sampled_from([UTC, MADRID, UTC_MAS_9, ZoneInfo("America/Bogota")]),
    ),
    dia_corte=cortes,
)
def test_r11_un_datetime_con_zona_es_su_fecha_en_bogota(instante: datetime, dia_corte: int) -> None:
    en_bogota = instante.astimezone(ZoneInfo("America/Bogota"))
    esperado = Periodo.de(en_bogota.replace(tzinfo=None).date(), dia_corte=dia_corte)
    assert Periodo.de(instante, dia_corte=dia_corte) == esperado
    assert Periodo.de(instante.replace(tzinfo=None), dia_corte=dia_corte) == Periodo.de(
        instante.date(), dia_corte=dia_corte
    )
