"""EG: efectividad de la gestión (R17): los casos trabajados, por las dos vías.

La vía por registros es `indicadores/eg.py`; su gemelo por columnas, `tablas/eg.py`.

Cada caso está calculado a mano en el comentario o en el nombre de la prueba: las cifras
esperadas no salen del código que se prueba. Cada caso que arma un informe corre por las dos
vías (fixture `via`, tests/_vias.py): `informe()` sobre registros y `informe_tabular` sobre
tablas polars. Periodos de 2012 con corte 25 (R8–R9): marzo va del 2012-02-26 al 2012-03-25 y
su trimestre (T1) del 2011-12-26 al 2012-03-25; junio va del 2012-05-26 al 2012-06-25 y su
trimestre (T2) del 2012-03-26 al 2012-06-25; la vigencia va del 2011-12-26 al 2012-12-25.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from _constructores import (
    ANA,
    LUIS,
)
from _constructores import (
    motivos as _motivos,
)
from _vias import Via

from sena_relacionamiento import (
    Estado,
    Motivo,
    Semaforo,
    Solicitud,
)
from sena_relacionamiento.informe import Informe

MES_MARZO = date(2012, 3, 1)


def _solicitud(
    id: str,
    servicio: str = "Asesoría",
    gestion: date | datetime | None = None,
    fecha: date = MES_MARZO,
    gestor: str | None = "ana",
    regional: str = "Huila",
) -> Solicitud:
    return Solicitud(
        id=id,
        fecha=fecha,
        servicio=servicio,
        regional=regional,
        gestor=gestor,
        fecha_gestion=gestion,
    )


def _informe_eg(via: Via) -> Informe:
    solicitudes = [
        _solicitud("s1", "Formación titulada", gestion=MES_MARZO),
        _solicitud("s2", "Asesoría", gestion=date(2012, 3, 25)),
        # 2012-03-26 03:00 UTC es el 25 en Bogotá: gestionada al corte (R11).
        _solicitud("s3", "Formación titulada", gestion=datetime(2012, 3, 26, 3, tzinfo=UTC)),
        _solicitud("s4", "Asesoría", gestion=date(2012, 3, 26)),  # después del corte
        _solicitud("s5", "Ámbito laboral"),  # sin gestionar
        _solicitud("s6", "becas", gestion=MES_MARZO, gestor=None),  # solo de la regional
        _solicitud("s7", "Asesoría", gestor="luis"),
    ]
    excluidas = [
        _solicitud("x1", fecha=date(2012, 2, 25), gestion=MES_MARZO),  # febrero
        _solicitud("x2", fecha=date(2011, 12, 25), gestion=MES_MARZO),  # 2011
        _solicitud("x3", fecha=date(2012, 3, 26)),  # posterior
        _solicitud("x4", gestor="nadie"),  # gestor desconocido
    ]
    return via.informe_de([ANA, LUIS], solicitudes=solicitudes + excluidas)


def test_r17_tres_de_cinco_es_exactamente_60_por_ciento_y_cumple(via: Via) -> None:
    eg = _informe_eg(via).gestor("ana").eg
    assert (eg.numerador, eg.denominador, eg.valor) == (3, 5, Decimal("0.6"))
    assert eg.meta == Decimal("0.60")
    assert (eg.estado, eg.semaforo) == (Estado.CUMPLE, Semaforo.VERDE)
    assert (eg.inicio, eg.fin) == (date(2012, 2, 26), date(2012, 3, 25))


def test_r17_recibida_antes_del_corte_y_gestionada_despues_no_esta_gestionada(via: Via) -> None:
    inf = via.informe_de([ANA], solicitudes=[_solicitud("s1", gestion=date(2012, 3, 26))], mes=3)
    eg = inf.gestor("ana").eg
    assert (eg.numerador, eg.denominador, eg.valor) == (0, 1, Decimal(0))
    assert (eg.estado, eg.semaforo) == (Estado.NO_CUMPLE, Semaforo.ROJO)
    # En el informe de abril esa solicitud ya es del mes anterior: no se cuenta.
    assert via.informe_de([ANA], solicitudes=[_solicitud("s1")], mes=4).gestor("ana").eg.estado is (
        Estado.SIN_DATOS
    )


def test_r17_solicitud_sin_gestor_cuenta_en_la_regional_y_la_nacion_no_en_gestores(
    via: Via,
) -> None:
    inf = _informe_eg(via)
    assert (inf.gestor("luis").eg.numerador, inf.gestor("luis").eg.denominador) == (0, 1)
    huila = inf.regional("Huila").eg
    # ana 3/5 + luis 0/1 + s6 1/1 = 4/7.
    assert (huila.numerador, huila.denominador) == (4, 7)
    assert huila.valor == Decimal(4) / 7
    assert huila.estado is Estado.NO_CUMPLE  # 0,571 < 0,60
    assert huila.semaforo is Semaforo.VERDE  # 4/7 ÷ 0,60 = 0,952
    assert (inf.nacional.eg.numerador, inf.nacional.eg.denominador) == (4, 7)
    roles = inf.rol("Empresarial").eg, inf.rol("Estratégico").eg
    assert [(r.numerador, r.denominador) for r in roles] == [(3, 5), (0, 1)]


def test_r17_los_tres_servicios_mas_solicitados(via: Via) -> None:
    inf = _informe_eg(via)
    # ana: Asesoría 2, Formación titulada 2, Ámbito laboral 1.
    assert inf.gestor("ana").eg.detalle["servicios_mas_solicitados"] == (
        ("Asesoría", 2),
        ("Formación titulada", 2),
        ("Ámbito laboral", 1),
    )
    # Huila suma s6 («becas») y s7 (Asesoría): Asesoría 3, Formación titulada 2 y el empate
    # a 1 entre «Ámbito laboral» y «becas» lo gana «ambito…» por orden sin tildes.
    assert inf.regional("Huila").eg.detalle["servicios_mas_solicitados"] == (
        ("Asesoría", 3),
        ("Formación titulada", 2),
        ("Ámbito laboral", 1),
    )
    assert inf.regional("Antioquia").eg.detalle["servicios_mas_solicitados"] == ()


def test_r17_empates_por_nombre_sin_mayusculas_ni_tildes(via: Via) -> None:
    # Por puntos de código el orden sería Becas, asesoría, certificación, Ámbito.
    solicitudes = [
        _solicitud(f"s{i}", servicio)
        for i, servicio in enumerate(["certificación", "Becas", "Ámbito", "asesoría"])
    ]
    eg = via.informe_de([ANA], solicitudes=solicitudes).gestor("ana").eg
    assert eg.detalle["servicios_mas_solicitados"] == (
        ("Ámbito", 1),
        ("asesoría", 1),
        ("Becas", 1),
    )


def test_r17_grafias_que_solo_difieren_en_mayusculas_o_tildes_se_cuentan_juntas(via: Via) -> None:
    # Decisión: «Formación» y «formacion» son el mismo servicio del CRM mal escrito.
    solicitudes = [
        _solicitud("s1", "formacion"),
        _solicitud("s2", "Formación"),
        _solicitud("s3", "Asesoría"),
    ]
    eg = via.informe_de([ANA], solicitudes=solicitudes).gestor("ana").eg
    assert eg.detalle["servicios_mas_solicitados"] == (("Formación", 2), ("Asesoría", 1))


def test_r17_exclusiones_de_eg_con_su_motivo(via: Via) -> None:
    motivos = {r.id: m for r, m in _motivos(_informe_eg(via), Solicitud).elements()}
    assert motivos == {
        "x1": Motivo.FUERA_DEL_MES,
        "x2": Motivo.FUERA_DE_VIGENCIA,
        "x3": Motivo.POSTERIOR_AL_CORTE,
        "x4": Motivo.GESTOR_DESCONOCIDO,
    }


@pytest.mark.parametrize(
    ("gestionadas", "recibidas", "estado", "semaforo"),
    [
        (3, 5, Estado.CUMPLE, Semaforo.VERDE),
        (27, 50, Estado.NO_CUMPLE, Semaforo.VERDE),  # 0,54 ÷ 0,60 = 0,90
        (1, 2, Estado.NO_CUMPLE, Semaforo.AMARILLO),  # 0,5 ÷ 0,6 = 0,833
        (21, 50, Estado.NO_CUMPLE, Semaforo.AMARILLO),  # 0,42 ÷ 0,60 = 0,70
        (2, 5, Estado.NO_CUMPLE, Semaforo.ROJO),  # 0,667
    ],
)
def test_r24_r25_eg_se_evalua_cada_mes_contra_la_meta_entera(
    via: Via, gestionadas: int, recibidas: int, estado: Estado, semaforo: Semaforo
) -> None:
    fecha = date(2012, 1, 10)
    solicitudes = [
        _solicitud(f"s{i}", fecha=fecha, gestion=fecha if i < gestionadas else None)
        for i in range(recibidas)
    ]
    eg = via.informe_de([ANA], solicitudes=solicitudes, mes=1).gestor("ana").eg
    assert (eg.estado, eg.semaforo) == (estado, semaforo)


def test_r8_r17_la_solicitud_del_primer_dia_del_mes_cuenta(via: Via) -> None:
    # Marzo empieza el 2012-02-26 (día siguiente al corte de febrero): cuenta; la del 25 no.
    solicitudes = [
        _solicitud("s1", fecha=date(2012, 2, 26), gestion=date(2012, 2, 26)),
        _solicitud("s2", fecha=date(2012, 2, 25), gestion=date(2012, 2, 25)),
    ]
    eg = via.informe_de([ANA], solicitudes=solicitudes).gestor("ana").eg
    assert (eg.numerador, eg.denominador) == (1, 1)
