"""`serie()`: un informe por periodo con las reglas de `informe()` (R13–R25, R29)."""

from __future__ import annotations

from functools import cache

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sena_relacionamiento import (
    PARAMETROS_2012,
    DatoInvalido,
    DatosSeguimiento,
    Informe,
    Periodo,
    Serie,
    informe,
    serie,
)
from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo
from sena_relacionamiento.testing.estrategias import datos_seguimiento

ANIO = [Periodo(2012, mes) for mes in range(1, 13)]
P2013 = attrs.evolve(PARAMETROS_2012, vigencia=2013)


@cache
def _datos() -> DatosSeguimiento:
    return datos_de_ejemplo()


@cache
def _serie_del_anio() -> Serie:
    return serie(_datos(), ANIO[0], ANIO[-1])


def _filas_esperadas(datos: DatosSeguimiento, periodos: list[Periodo]) -> list[dict[str, object]]:
    return [{"periodo": str(p), **fila} for p in periodos for fila in informe(datos, p).filas()]


def test_r22_filas_de_la_serie_son_las_de_cada_informe_del_anio_de_ejemplo() -> None:
    s = _serie_del_anio()
    assert s.periodos == tuple(ANIO)
    assert s.filas() == _filas_esperadas(_datos(), ANIO)
    assert all(next(iter(f)) == "periodo" for f in s.filas())


@pytest.mark.parametrize("periodo", ANIO, ids=str)
def test_r23_cada_informe_de_la_serie_excluye_lo_mismo_que_informe(periodo: Periodo) -> None:
    solo = informe(_datos(), periodo)
    de_la_serie = _serie_del_anio()[periodo]
    assert de_la_serie.resumen_excluidos() == solo.resumen_excluidos()
    assert de_la_serie.excluidos == solo.excluidos
    assert de_la_serie.registros == solo.registros


def test_r22_cada_informe_de_la_serie_es_el_de_informe() -> None:
    # Todo el informe, con el detalle de cada resultado (las empresas con menos de 3
    # contactos, los contactos fuera de la cartera), no solo las filas. La serie se calcula
    # aquí y no con `_serie_del_anio()`: bajo mutmut, un valor guardado por el proceso padre
    # sería el del código sin mutar.
    s = serie(_datos(), ANIO[0], ANIO[-1])
    for periodo in ANIO:
        assert s[periodo] == informe(_datos(), periodo), periodo


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    datos=datos_seguimiento(periodo=Periodo(2012, 12), con_huerfanos=True),
    desde=st.integers(1, 12),
    meses=st.integers(1, 4),
)
def test_r22_propiedad_serie_igual_a_informes_mes_a_mes(
    datos: DatosSeguimiento, desde: int, meses: int
) -> None:
    periodos = [Periodo(2012, m) for m in range(desde, min(12, desde + meses - 1) + 1)]
    s = serie(datos, periodos[0], periodos[-1])
    assert s.filas() == _filas_esperadas(datos, periodos)


def test_serie_acceso_por_periodo_o_texto_y_orden() -> None:
    s = serie(_datos(), Periodo(2012, 2), Periodo(2012, 4))
    assert len(s) == 3
    assert s.desde == Periodo(2012, 2)
    assert s.hasta == Periodo(2012, 4)
    assert [inf.periodo for inf in s] == [Periodo(2012, m) for m in (2, 3, 4)]
    assert s["2012-03"] is s[Periodo(2012, 3)]
    assert isinstance(s[Periodo(2012, 3)], Informe)


@pytest.mark.parametrize("fuera", [Periodo(2012, 5), "2012-01", Periodo(2012, 3, dia_corte=20)])
def test_periodo_fuera_de_la_serie_es_dato_invalido(fuera: Periodo | str) -> None:
    s = serie(_datos(), Periodo(2012, 2), Periodo(2012, 4))
    with pytest.raises(DatoInvalido, match=r"no está en la serie, que va de 2012-02 a 2012-04"):
        s[fuera]


def test_un_solo_periodo() -> None:
    s = serie(_datos(), Periodo(2012, 3), Periodo(2012, 3))
    assert s.periodos == (Periodo(2012, 3),)
    assert s.filas() == _filas_esperadas(_datos(), [Periodo(2012, 3)])


def test_r29_serie_que_cruza_vigencias_usa_los_parametros_de_cada_una() -> None:
    s = serie(_datos(), Periodo(2012, 11), Periodo(2013, 2), parametros=[P2013, PARAMETROS_2012])
    assert [str(p) for p in s.periodos] == ["2012-11", "2012-12", "2013-01", "2013-02"]
    assert s["2012-12"].parametros is PARAMETROS_2012
    assert s["2013-01"].parametros is P2013
    assert s["2013-01"].filas() == informe(_datos(), Periodo(2013, 1), parametros=P2013).filas()


def test_r29_sobran_parametros_de_otra_vigencia_no_se_usan() -> None:
    otra = attrs.evolve(PARAMETROS_2012, vigencia=2015)
    s = serie(_datos(), Periodo(2012, 1), Periodo(2012, 2), parametros=(PARAMETROS_2012, otra))
    assert {inf.parametros for inf in s} == {PARAMETROS_2012}


def test_r29_falta_la_vigencia_se_nombra() -> None:
    with pytest.raises(DatoInvalido, match=r"faltan los Parametros de la vigencia 2013"):
        serie(_datos(), Periodo(2012, 12), Periodo(2013, 1))
    with pytest.raises(DatoInvalido, match=r"vigencia 2012, 2013 \(se dieron los de: 2015\)"):
        serie(
            _datos(),
            Periodo(2012, 12),
            Periodo(2013, 1),
            parametros=[attrs.evolve(PARAMETROS_2012, vigencia=2015)],
        )
    with pytest.raises(DatoInvalido, match=r"se dieron los de: ninguna"):
        serie(_datos(), Periodo(2012, 12), Periodo(2012, 12), parametros=[])


def test_r29_vigencia_repetida_se_nombra() -> None:
    with pytest.raises(DatoInvalido, match=r"dos Parametros de la vigencia 2012"):
        serie(
            _datos(),
            Periodo(2012, 1),
            Periodo(2012, 2),
            parametros=[PARAMETROS_2012, PARAMETROS_2012],
        )


@pytest.mark.parametrize("malo", ["2012", 2012, [PARAMETROS_2012, "x"]])
def test_parametros_que_no_son_parametros(malo: object) -> None:
    with pytest.raises(DatoInvalido, match="parametros"):
        serie(_datos(), Periodo(2012, 1), Periodo(2012, 2), parametros=malo)  # type: ignore[arg-type]


def test_lapso_invalido() -> None:
    with pytest.raises(DatoInvalido, match=r"hasta: hasta es anterior a desde \(2012-03\)"):
        serie(_datos(), Periodo(2012, 3), Periodo(2012, 2))
    with pytest.raises(DatoInvalido, match="desde corta el día 25 y hasta el día 20"):
        serie(_datos(), Periodo(2012, 3), Periodo(2012, 4, dia_corte=20))
    with pytest.raises(DatoInvalido, match="desde: se esperaba un Periodo"):
        serie(_datos(), "2012-01", Periodo(2012, 2))  # type: ignore[arg-type]
    with pytest.raises(DatoInvalido, match="hasta: se esperaba un Periodo"):
        serie(_datos(), Periodo(2012, 2), None)  # type: ignore[arg-type]
    with pytest.raises(DatoInvalido, match="datos: se esperaba un DatosSeguimiento"):
        serie([], Periodo(2012, 2), Periodo(2012, 2))  # type: ignore[arg-type]


def test_r10_corte_de_los_parametros_distinto_del_de_los_periodos() -> None:
    with pytest.raises(DatoInvalido, match="corta el día 20 y los parámetros el día 25"):
        serie(_datos(), Periodo(2012, 3, dia_corte=20), Periodo(2012, 4, dia_corte=20))


def test_repr_de_la_serie_es_corto() -> None:
    texto = repr(_serie_del_anio())
    assert texto.startswith("<Serie 2012-01…2012-12: 12 periodos, excluidos por periodo [")
    assert len(texto) < 200


def test_r23_repr_del_informe_es_corto_y_dice_lo_esencial() -> None:
    inf = informe(_datos(), Periodo(2012, 3))
    texto = repr(inf)
    total = sum(inf.resumen_excluidos().values())
    assert len(texto) < 1000  # acotado: un número por motivo, no un registro por línea
    assert texto.startswith("<Informe 2012-03 (2012-02-26 a 2012-03-25): 33 regionales (5 con")
    assert f"12 gestores, 2 roles; {inf.registros} registros, {total} excluidos" in texto
    assert "gestor desconocido: 2" in texto
    assert inf.registros == sum(1 for _ in _datos().registros())


def test_repr_del_informe_sin_excluidos_ni_registros() -> None:
    inf = attrs.evolve(informe(_datos(), Periodo(2012, 3)), exclusiones=(), registros=None)
    assert repr(inf).endswith("12 gestores, 2 roles; 0 excluidos>")
