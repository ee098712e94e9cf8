"""SISMEG: formados y empleos (R13): los casos trabajados, por las dos vías.

La vía por registros es `indicadores/sismeg.py`; su gemelo por columnas, `tablas/sismeg.py`.

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
    EVA,
    LUIS,
)
from _constructores import (
    motivos as _motivos,
)
from _vias import Via

from sena_relacionamiento import (
    PARAMETROS_2012,
    Estado,
    Indicador,
    LogroSismeg,
    Motivo,
    Periodo,
    Rol,
    Semaforo,
    TipoAmbito,
    informe,
    regional,
)
from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo
from sena_relacionamiento.indicadores import sismeg
from sena_relacionamiento.indicadores._base import Ambito, Contexto, Parcial
from sena_relacionamiento.informe import _INDICADORES, Informe, _calcular
from sena_relacionamiento.tablas._filas import columnas as _columnas


def _informe_sismeg(via: Via, mes: int = 6, extra: list[LogroSismeg] | None = None) -> Informe:
    logros = [
        LogroSismeg(gestor="ana", fecha=date(2012, 2, 1), formados=3000, empleos=300),
        LogroSismeg(gestor="ana", fecha=date(2012, 6, 10), empleos=100),
        LogroSismeg(gestor="luis", fecha=date(2012, 4, 1), formados=6000, empleos=600),
        LogroSismeg(gestor="eva", fecha=date(2012, 5, 1), empleos=50),
        LogroSismeg(gestor="ana", fecha=date(2011, 12, 25), formados=1, empleos=1),
        LogroSismeg(gestor="ana", fecha=date(2012, 6, 26), formados=1, empleos=1),
        LogroSismeg(gestor="nadie", fecha=date(2012, 3, 1), formados=1, empleos=1),
        *(extra or []),
    ]
    return via.informe_de([ANA, LUIS, EVA], logros=logros, mes=mes)


def test_r13_sismeg_por_rol_contra_12000_y_8000(via: Via) -> None:
    inf = _informe_sismeg(via)
    estrategico = inf.rol("Estratégico")
    assert (estrategico.sismeg_formados.valor, estrategico.sismeg_formados.meta) == (6000, 12_000)
    assert (estrategico.sismeg_empleos.valor, estrategico.sismeg_empleos.meta) == (650, 1200)
    # Junio: esperado la mitad. 6000 ÷ 6000 = 1 y 650 ÷ 600 > 1 → verde.
    assert estrategico.sismeg_formados.semaforo is Semaforo.VERDE
    assert estrategico.sismeg_empleos.semaforo is Semaforo.VERDE
    empresarial = inf.rol("Empresarial")
    assert (empresarial.sismeg_formados.valor, empresarial.sismeg_formados.meta) == (3000, 8000)
    assert (empresarial.sismeg_empleos.valor, empresarial.sismeg_empleos.meta) == (400, 800)
    assert empresarial.sismeg_formados.semaforo is Semaforo.AMARILLO  # 3000 ÷ 4000 = 0,75
    assert empresarial.sismeg_empleos.semaforo is Semaforo.VERDE  # 400 ÷ 400
    for tablero in (estrategico, empresarial, inf.nacional):
        for resultado in (tablero.sismeg_formados, tablero.sismeg_empleos):
            assert resultado.estado is Estado.EN_CURSO
            assert (resultado.inicio, resultado.fin) == (date(2011, 12, 26), date(2012, 6, 25))
            assert resultado.denominador is None


def test_r13_sismeg_nacional_contra_20000_y_2000(via: Via) -> None:
    nacion = _informe_sismeg(via).nacional
    formados, empleos = nacion.sismeg_formados, nacion.sismeg_empleos
    assert (formados.valor, formados.numerador, formados.meta) == (9000, 9000, 20_000)
    assert (empleos.valor, empleos.numerador, empleos.meta) == (1050, 1050, 2000)
    assert formados.semaforo is Semaforo.VERDE  # 9000 ÷ 10000 = 0,90 exacto
    assert empleos.semaforo is Semaforo.VERDE
    assert formados.indicador is Indicador.SISMEG_FORMADOS
    assert empleos.indicador is Indicador.SISMEG_EMPLEOS


def test_r13_regionales_y_gestores_sin_meta(via: Via) -> None:
    inf = _informe_sismeg(via)
    huila = inf.regional("Huila")
    assert (huila.sismeg_formados.valor, huila.sismeg_empleos.valor) == (9000, 1000)
    antioquia = inf.regional("Antioquia")
    assert (antioquia.sismeg_formados.valor, antioquia.sismeg_empleos.valor) == (0, 50)
    ana = inf.gestor("ana")
    assert (ana.sismeg_formados.valor, ana.sismeg_empleos.valor) == (3000, 400)
    for tablero in (huila, antioquia, ana, inf.gestor("luis"), inf.regional("Vaupés")):
        for resultado in (tablero.sismeg_formados, tablero.sismeg_empleos):
            assert (resultado.meta, resultado.estado, resultado.semaforo) == (
                None,
                Estado.SIN_META,
                None,
            )


def test_r13_exclusiones_de_sismeg_una_sola_vez(via: Via) -> None:
    inf = _informe_sismeg(via)
    # SISMEG_FORMADOS y SISMEG_EMPLEOS salen de los mismos registros: cada uno se excluye
    # una sola vez, no una por indicador.
    motivos = _motivos(inf, LogroSismeg)
    assert Counter((r.gestor, r.fecha, m) for r, m in motivos.elements()) == Counter(
        [
            ("ana", date(2012, 6, 26), Motivo.POSTERIOR_AL_CORTE),
            ("ana", date(2011, 12, 25), Motivo.FUERA_DE_VIGENCIA),
            ("nadie", date(2012, 3, 1), Motivo.GESTOR_DESCONOCIDO),
        ]
    )


@pytest.mark.parametrize(("formados", "estado"), [(6000, Estado.CUMPLE), (5999, Estado.NO_CUMPLE)])
def test_r24_sismeg_se_evalua_en_diciembre(via: Via, formados: int, estado: Estado) -> None:
    # El estratégico lleva 6000; con `formados` más llega a 12000 (o no) al cierre.
    extra = [LogroSismeg(gestor="luis", fecha=date(2012, 12, 25), formados=formados)]
    assert _informe_sismeg(via, mes=12, extra=extra).rol("Estratégico").sismeg_formados.estado is (
        estado
    )


@pytest.mark.parametrize("mes", [1, 3, 6, 12])
def test_r24_el_criterio_de_un_gestor_no_depende_de_cual_gestor(mes: int) -> None:
    """`tablas._filas.columnas` toma el criterio de los gestores una vez por indicador."""
    ctx = Contexto.de(Periodo(2012, mes), PARAMETROS_2012)
    uno = Ambito(TipoAmbito.GESTOR, "ana", Rol.ESTRATEGICO, regional("41"))
    otro = Ambito(TipoAmbito.GESTOR, "luis", Rol.EMPRESARIAL, regional("05"))
    for indicador, _, modulo in _INDICADORES:
        assert modulo.criterio(indicador, uno, ctx) == modulo.criterio(indicador, otro, ctx)


@pytest.mark.parametrize("mes", [1, 3, 6, 12])
def test_r22_las_filas_por_columnas_son_las_del_informe_en_los_datos_de_ejemplo(mes: int) -> None:
    """La vía por columnas del motor tabular (`tablas._filas.columnas`) da las filas de
    `Informe.filas()`, con los mismos valores y los mismos tipos (`Decimal` o `int`)."""
    datos = datos_de_ejemplo()
    ctx = Contexto.de(Periodo(2012, mes), PARAMETROS_2012)
    columnas = _columnas(datos.indice.gestores, ctx, _calcular(datos, ctx))
    por_columnas = [list(fila) for fila in zip(*columnas.values(), strict=True)]
    filas = informe(datos, Periodo(2012, mes)).filas()
    assert tuple(columnas) == tuple(filas[0])
    assert [[(v, type(v)) for v in f] for f in por_columnas] == [
        [(v, type(v)) for v in f.values()] for f in filas
    ]


def test_r13_un_rol_sin_rol_no_tiene_meta() -> None:
    ctx = Contexto.de(Periodo(2012, 6), PARAMETROS_2012)
    resultado = sismeg.resultado(
        Indicador.SISMEG_FORMADOS, Parcial(numerador=5), Ambito(TipoAmbito.ROL, "X"), ctx
    )
    assert (resultado.valor, resultado.meta, resultado.estado) == (5, None, Estado.SIN_META)
