"""PE: participación en eventos (R21): los casos trabajados, por las dos vías.

La vía por registros es `indicadores/pe.py`; su gemelo por columnas, `tablas/pe.py`.

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
    Estado,
    Evento,
    Motivo,
)
from sena_relacionamiento.informe import Informe


def _informe_pe(via: Via) -> Informe:
    eventos = [
        Evento(regional="Huila", fecha=date(2012, 3, 1), asistentes=40, razon="Feria de empleo"),
        Evento(
            regional="Huila",
            fecha=date(2012, 3, 10),
            asistentes=25,
            razon="Rueda de negocios",
            gestor="ana",
        ),
        Evento(regional="Huila", fecha=date(2012, 1, 20), asistentes=10, razon="Socialización"),
        Evento(regional="05", fecha=date(2012, 2, 26), asistentes=5, razon="Alianza", gestor="eva"),
    ]
    excluidos = [
        Evento(regional="Huila", fecha=date(2011, 12, 25), asistentes=1, razon="Viejo"),
        Evento(regional="Huila", fecha=date(2012, 3, 26), asistentes=1, razon="Futuro"),
        Evento(regional="Huila", fecha=date(2012, 3, 1), asistentes=1, razon="X", gestor="nadie"),
    ]
    return via.informe_de([ANA, LUIS, EVA], eventos=eventos + excluidos)


def test_r21_eventos_asistentes_y_razones_del_gestor(via: Via) -> None:
    pe = _informe_pe(via).gestor("ana").pe
    assert (pe.valor, pe.numerador, pe.denominador, pe.meta) == (1, 1, None, None)
    assert (pe.estado, pe.semaforo) == (Estado.SIN_META, None)
    assert pe.detalle == {
        "asistentes": 25,
        "razones": ("Rueda de negocios",),
        "eventos_anio": 1,
        "asistentes_anio": 25,
    }
    assert (pe.inicio, pe.fin) == (date(2012, 2, 26), date(2012, 3, 25))
    assert _informe_pe(via).gestor("luis").pe.valor == 0


def test_r21_gestor_con_eventos_del_anio_y_ninguno_del_mes(via: Via) -> None:
    evento = Evento(
        regional="Huila",
        fecha=date(2012, 1, 20),
        asistentes=8,
        razon="Socialización",
        gestor="luis",
    )
    pe = via.informe_de([ANA, LUIS], eventos=[evento]).gestor("luis").pe
    assert pe.valor == 0
    assert pe.detalle == {"asistentes": 0, "razones": (), "eventos_anio": 1, "asistentes_anio": 8}


def test_r21_la_regional_suma_los_eventos_sin_gestor(via: Via) -> None:
    inf = _informe_pe(via)
    huila = inf.regional("Huila").pe
    assert huila.valor == 2
    assert huila.detalle == {
        "asistentes": 65,
        "razones": ("Feria de empleo", "Rueda de negocios"),
        "eventos_anio": 3,
        "asistentes_anio": 75,
    }
    nacion = inf.nacional.pe
    assert nacion.valor == 3
    assert nacion.detalle["razones"] == ("Alianza", "Feria de empleo", "Rueda de negocios")
    assert nacion.detalle["asistentes"] == 70
    assert inf.rol("Estratégico").pe.valor == 1
    assert inf.rol("Empresarial").pe.detalle["asistentes_anio"] == 25


def test_r21_exclusiones_de_pe(via: Via) -> None:
    assert Counter((r.razon, m) for r, m in _motivos(_informe_pe(via), Evento)) == Counter(
        [
            ("Viejo", Motivo.FUERA_DE_VIGENCIA),
            ("Futuro", Motivo.POSTERIOR_AL_CORTE),
            ("X", Motivo.GESTOR_DESCONOCIDO),
        ]
    )


def test_r21_pe_suma_los_eventos_del_mes_de_un_mismo_gestor_y_de_la_regional(via: Via) -> None:
    # Marzo: dos eventos de ana (25 y 15 asistentes) y dos sin gestor (40 y 5): cada parcial
    # suma dos registros del mes.
    eventos = [
        Evento(regional="Huila", fecha=date(2012, 3, 1), asistentes=25, razon="A", gestor="ana"),
        Evento(regional="Huila", fecha=date(2012, 3, 2), asistentes=15, razon="B", gestor="ana"),
        Evento(regional="Huila", fecha=date(2012, 3, 3), asistentes=40, razon="C"),
        Evento(regional="Huila", fecha=date(2012, 3, 4), asistentes=5, razon="D"),
    ]
    inf = via.informe_de([ANA], eventos=eventos)
    pe = inf.gestor("ana").pe
    assert (pe.valor, pe.numerador) == (2, 2)
    assert pe.detalle == {
        "asistentes": 40,
        "razones": ("A", "B"),
        "eventos_anio": 2,
        "asistentes_anio": 40,
    }
    huila = inf.regional("Huila").pe
    assert (huila.valor, huila.detalle["asistentes"]) == (4, 85)
    assert (huila.detalle["eventos_anio"], huila.detalle["asistentes_anio"]) == (4, 85)
