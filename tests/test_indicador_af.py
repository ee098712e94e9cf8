"""AF: ambientes de formación (R18): los casos trabajados, por las dos vías.

La vía por registros es `indicadores/af.py`; su gemelo por columnas, `tablas/af.py`.

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
from decimal import Decimal

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
    Ambiente,
    Estado,
    Motivo,
)
from sena_relacionamiento.informe import Informe


def _informe_af(via: Via) -> Informe:
    ambientes = [
        Ambiente(gestor="ana", fecha=date(2012, 3, 1), valor=Decimal("150000000.50"), cantidad=2),
        Ambiente(gestor="ana", fecha=date(2012, 1, 15), valor=30_000_000),  # solo en el año
        Ambiente(gestor="luis", fecha=date(2012, 3, 10), valor=1_000_000),
        Ambiente(gestor="eva", fecha=date(2012, 2, 26), valor=0, cantidad=4),
    ]
    excluidos = [
        Ambiente(gestor="ana", fecha=date(2011, 12, 25), valor=1),
        Ambiente(gestor="ana", fecha=date(2012, 3, 26), valor=1),
        Ambiente(gestor="nadie", fecha=date(2012, 3, 1), valor=1),
    ]
    return via.informe_de([ANA, LUIS, EVA], ambientes=ambientes + excluidos)


def test_r18_af_cuenta_ambientes_y_pesos_del_mes_y_del_anio(via: Via) -> None:
    af = _informe_af(via).gestor("ana").af
    assert (af.valor, af.numerador, af.denominador, af.meta) == (2, 2, None, None)
    assert (af.estado, af.semaforo) == (Estado.SIN_META, None)
    assert (af.inicio, af.fin) == (date(2012, 2, 26), date(2012, 3, 25))
    assert af.detalle == {
        "valor_pesos": Decimal("150000000.50"),
        "cantidad_anio": 3,
        "valor_pesos_anio": Decimal("180000000.50"),
    }


def test_r18_af_sin_ambientes_del_mes_o_del_anio_vale_cero_pesos(via: Via) -> None:
    # Un ambiente de enero: hay pesos del año, pero ninguno del mes.
    solo_enero = [Ambiente(gestor="ana", fecha=date(2012, 1, 15), valor=30_000_000)]
    inf = via.informe_de([ANA, LUIS], ambientes=solo_enero)
    assert inf.gestor("ana").af.detalle == {
        "valor_pesos": Decimal(0),
        "cantidad_anio": 1,
        "valor_pesos_anio": Decimal(30_000_000),
    }
    # Sin ningún ambiente, tampoco hay pesos del año.
    assert inf.gestor("luis").af.detalle == {
        "valor_pesos": Decimal(0),
        "cantidad_anio": 0,
        "valor_pesos_anio": Decimal(0),
    }


def test_r18_af_pesos_son_decimal_aun_con_valores_enteros_o_sin_registros(via: Via) -> None:
    inf = _informe_af(via)
    luis = inf.gestor("luis").af.detalle
    assert luis["valor_pesos"] == Decimal(1_000_000)
    assert isinstance(luis["valor_pesos"], Decimal)
    amazonas = inf.regional("Amazonas").af
    assert amazonas.valor == 0
    assert isinstance(amazonas.detalle["valor_pesos"], Decimal)
    assert isinstance(amazonas.detalle["valor_pesos_anio"], Decimal)
    assert amazonas.estado is Estado.SIN_META


def test_r18_af_en_cada_ambito(via: Via) -> None:
    inf = _informe_af(via)
    huila = inf.regional("Huila").af
    assert huila.valor == 3
    assert huila.detalle["valor_pesos"] == Decimal("151000000.50")
    assert huila.detalle["cantidad_anio"] == 4
    assert inf.regional("Antioquia").af.valor == 4
    nacion = inf.nacional.af
    assert (nacion.valor, nacion.detalle["cantidad_anio"]) == (7, 8)
    assert nacion.detalle["valor_pesos_anio"] == Decimal("181000000.50")
    assert inf.rol("Estratégico").af.valor == 5
    assert inf.rol("Empresarial").af.valor == 2
    assert all(t.af.estado is Estado.SIN_META for t in inf.tableros)


def test_r18_exclusiones_de_af(via: Via) -> None:
    motivos = Counter((r.gestor, r.fecha, m) for r, m in _motivos(_informe_af(via), Ambiente))
    assert motivos == Counter(
        [
            ("ana", date(2011, 12, 25), Motivo.FUERA_DE_VIGENCIA),
            ("ana", date(2012, 3, 26), Motivo.POSTERIOR_AL_CORTE),
            ("nadie", date(2012, 3, 1), Motivo.GESTOR_DESCONOCIDO),
        ]
    )


def test_r18_af_suma_los_ambientes_del_mes_de_un_mismo_gestor(via: Via) -> None:
    # Dos registros de ana en marzo (2 y 3 ambientes) y uno en enero (1): mes 5, año 6.
    ambientes = [
        Ambiente(gestor="ana", fecha=date(2012, 3, 1), valor=10, cantidad=2),
        Ambiente(gestor="ana", fecha=date(2012, 3, 20), valor=20, cantidad=3),
        Ambiente(gestor="ana", fecha=date(2012, 1, 15), valor=5),
    ]
    af = via.informe_de([ANA], ambientes=ambientes).gestor("ana").af
    assert (af.valor, af.numerador) == (5, 5)
    assert af.detalle == {
        "valor_pesos": Decimal(30),
        "cantidad_anio": 6,
        "valor_pesos_anio": Decimal(35),
    }
