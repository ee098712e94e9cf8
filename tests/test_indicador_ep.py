"""EP: efectividad del portafolio (R16): los casos trabajados, por las dos vías.

La vía por registros es `indicadores/ep.py`; su gemelo por columnas, `tablas/ep.py`.

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
    Estado,
    Motivo,
    Semaforo,
    ServicioUsado,
)
from sena_relacionamiento.informe import Informe


def _datos_ep(via: Via, mes: int = 6) -> Informe:
    a, b, c = nits(3, 100)  # de ana: a y b contactadas en T2, c no
    d = "800000201"  # de luis, contactada
    z = "800000301"  # sin asignar
    t2 = date(2012, 4, 10)
    servicios = [
        ServicioUsado(nit=a, fecha=t2, servicio="Formación"),
        ServicioUsado(nit=a, fecha=date(2012, 5, 1), servicio="Certificación", gestor="luis"),
        ServicioUsado(nit=b, fecha=date(2012, 6, 25), servicio="Formación"),
        ServicioUsado(nit=d, fecha=t2, servicio="Formación", gestor="nadie"),
        ServicioUsado(nit=d, fecha=t2, servicio="Empleo (SNE)"),
    ]
    excluidos = [
        ServicioUsado(nit=a, fecha=date(2012, 5, 20), servicio="Formación"),  # repetido
        ServicioUsado(nit=c, fecha=t2, servicio="Formación"),  # no contactada
        ServicioUsado(nit=z, fecha=t2, servicio="Formación"),  # no asignada
        ServicioUsado(nit=a, fecha=date(2012, 3, 25), servicio="Innovación"),  # T1
        ServicioUsado(nit=a, fecha=date(2011, 12, 25), servicio="Innovación"),  # 2011
        ServicioUsado(nit=a, fecha=date(2012, 6, 26), servicio="Innovación"),  # posterior
    ]
    return via.informe_de(
        [ANA, LUIS],
        asignar("ana", [a, b, c]) + asignar("luis", [d]),
        contactos=contactar("ana", [a, b], t2) + contactar("luis", [d], t2),
        servicios=servicios + excluidos,
        mes=mes,
    )


def test_r16_servicio_repetido_cuenta_una_vez_y_registro_de_otro_gestor_cuenta(via: Via) -> None:
    inf = _datos_ep(via)
    ep = inf.gestor("ana").ep
    # a: Formación y Certificación (2); b: Formación (1) → 3 servicios / 2 contactadas.
    assert (ep.numerador, ep.denominador, ep.valor) == (3, 2, Decimal("1.5"))
    assert ep.meta == Decimal(2)
    assert ep.detalle["empresas_con_2_servicios"] == 1
    assert ep.estado is Estado.NO_CUMPLE  # junio cierra T2
    assert ep.semaforo is Semaforo.AMARILLO  # 1,5 ÷ 2 = 0,75
    assert (ep.inicio, ep.fin) == (date(2012, 3, 26), date(2012, 6, 25))
    luis = inf.gestor("luis").ep
    assert (luis.numerador, luis.denominador, luis.valor, luis.estado) == (
        2,
        1,
        Decimal(2),
        Estado.CUMPLE,
    )
    assert luis.detalle["empresas_con_2_servicios"] == 1


def test_r16_ep_en_cada_ambito(via: Via) -> None:
    inf = _datos_ep(via)
    for tablero in (inf.regional("Huila"), inf.nacional):
        assert (tablero.ep.numerador, tablero.ep.denominador) == (5, 3)
        assert tablero.ep.valor == Decimal(5) / 3
        assert tablero.ep.detalle["empresas_con_2_servicios"] == 2
        assert tablero.ep.estado is Estado.NO_CUMPLE
    assert (inf.rol("Empresarial").ep.numerador, inf.rol("Empresarial").ep.denominador) == (3, 2)
    assert inf.rol("Estratégico").ep.valor == Decimal(2)
    antioquia = inf.regional("Antioquia").ep
    assert (antioquia.valor, antioquia.estado, antioquia.semaforo) == (
        None,
        Estado.SIN_DATOS,
        None,
    )


def test_r16_exclusiones_de_ep_con_su_motivo(via: Via) -> None:
    a, _, c = nits(3, 100)
    motivos = Counter((r.nit, r.fecha, m) for r, m in _motivos(_datos_ep(via), ServicioUsado))
    assert motivos == Counter(
        [
            (a, date(2012, 5, 20), Motivo.SERVICIO_REPETIDO),
            (c, date(2012, 4, 10), Motivo.EMPRESA_NO_CONTACTADA),
            ("800000301", date(2012, 4, 10), Motivo.EMPRESA_NO_ASIGNADA),
            (a, date(2012, 3, 25), Motivo.FUERA_DEL_TRIMESTRE_EP),
            (a, date(2011, 12, 25), Motivo.FUERA_DE_VIGENCIA),
            (a, date(2012, 6, 26), Motivo.POSTERIOR_AL_CORTE),
        ]
    )


def test_r25_ep_antes_de_cerrar_el_trimestre_esta_en_curso_y_se_prorratea(via: Via) -> None:
    # Mayo (2.º mes de T2): b usó Formación el 2012-06-25, después del corte; a tiene 2.
    ep = _datos_ep(via, mes=5).gestor("ana").ep
    assert (ep.numerador, ep.denominador, ep.valor) == (2, 2, Decimal(1))
    assert ep.estado is Estado.EN_CURSO
    # Esperado 2 × 2/3 = 4/3; 1 ÷ 4/3 = 0,75 → amarillo.
    assert ep.semaforo is Semaforo.AMARILLO
    luis = _datos_ep(via, mes=5).gestor("luis").ep
    assert (luis.valor, luis.estado, luis.semaforo) == (Decimal(2), Estado.EN_CURSO, Semaforo.VERDE)


def test_r9_r16_el_servicio_del_primer_dia_del_trimestre_cuenta(via: Via) -> None:
    # T2 empieza el 2012-03-26: el uso de ese día cuenta; el del 2012-03-25 es de T1.
    a = nits(1, 100)[0]
    servicios = [
        ServicioUsado(nit=a, fecha=date(2012, 3, 26), servicio="Formación"),
        ServicioUsado(nit=a, fecha=date(2012, 3, 25), servicio="Innovación"),
    ]
    inf = via.informe_de(
        [ANA],
        asignar("ana", [a]),
        contactos=contactar("ana", [a], date(2012, 4, 10)),
        servicios=servicios,
        mes=6,
    )
    ep = inf.gestor("ana").ep
    assert (ep.numerador, ep.denominador) == (1, 1)
