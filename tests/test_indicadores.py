"""Los ocho indicadores en cada ámbito (gestor, rol, regional, nación) y el informe (R13–R25).

Cada caso está calculado a mano en el comentario o en el nombre de la prueba: las cifras
esperadas no salen del código que se prueba. Periodos de 2012 con corte 25 (R8–R9): marzo va
del 2012-02-26 al 2012-03-25 y su trimestre (T1) del 2011-12-26 al 2012-03-25; junio va del
2012-05-26 al 2012-06-25 y su trimestre (T2) del 2012-03-26 al 2012-06-25; la vigencia va del
2011-12-26 al 2012-12-25.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime
from decimal import Decimal, Inexact, localcontext
from fractions import Fraction
from typing import Any

import attrs
import pytest
from _constructores import asignar, contactar, datos, gestor, informe_de, nits

from sena_relacionamiento import (
    PARAMETROS_2012,
    REGIONALES,
    Ambiente,
    Asignacion,
    Contacto,
    ContratoAprendizaje,
    DatoInvalido,
    EmpresaCuota,
    Estado,
    Evento,
    Indicador,
    LogroSismeg,
    Motivo,
    Periodo,
    RegionalDesconocida,
    Resultado,
    Rol,
    Semaforo,
    ServicioUsado,
    Solicitud,
    TipoAmbito,
    informe,
    regional,
)
from sena_relacionamiento._inmutable import MapaFijo
from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo
from sena_relacionamiento.indicadores import evaluar, sismeg
from sena_relacionamiento.indicadores._base import Ambito, Contexto, Parcial
from sena_relacionamiento.informe import _INDICADORES, Informe, _calcular, _columnas

HUILA = "41"
ANTIOQUIA = "05"
GUAINIA = "94"
ANA = gestor("ana")  # empresarial, Huila
LUIS = gestor("luis", rol="Estratégico")  # estratégico, Huila
EVA = gestor("eva", rol="Estratégico", regional="Antioquia")
PEPE = gestor("pepe", regional="Antioquia")  # empresarial, Antioquia


def _motivos(inf: Informe, tipo: type[Any]) -> Counter[tuple[Any, str]]:
    """Los excluidos de un tipo de registro, con su motivo (sin importar el orden)."""
    return Counter((e.registro, e.motivo) for e in inf.excluidos if isinstance(e.registro, tipo))


def _por_tipo(nuevo: tuple[int, int], mantenimiento: tuple[int, int]) -> dict[str, Any]:
    """El detalle `por_tipo_y_medio` esperado: (telefónico, visita) de cada tipo."""
    return {
        "NUEVO": {"TELEFONICO": nuevo[0], "VISITA": nuevo[1]},
        "MANTENIMIENTO": {"TELEFONICO": mantenimiento[0], "VISITA": mantenimiento[1]},
    }


# =========================================================================================
# EC: empresas contactadas (R14, R15)
# =========================================================================================


def _cobertura(contactadas: int, asignadas: int, fecha: date, mes: int) -> Resultado:
    empresas = nits(asignadas)
    inf = informe_de(
        [ANA],
        asignar("ana", empresas),
        contactos=contactar("ana", empresas[:contactadas], fecha),
        mes=mes,
    )
    return inf.gestor("ana").ec


def test_r14_gestor_exactamente_90_por_ciento_cumple_en_marzo() -> None:
    ec = _cobertura(27, 30, date(2012, 2, 10), mes=3)
    assert (ec.numerador, ec.denominador) == (27, 30)
    assert ec.valor == Decimal("0.9")
    assert isinstance(ec.valor, Decimal)
    assert ec.meta == Decimal("0.90")
    assert ec.estado is Estado.CUMPLE
    assert ec.semaforo is Semaforo.VERDE
    assert (ec.inicio, ec.fin) == (date(2011, 12, 26), date(2012, 3, 25))


def test_r14_gestor_con_26_de_30_no_cumple_al_cerrar_el_trimestre() -> None:
    ec = _cobertura(26, 30, date(2012, 2, 10), mes=3)
    assert ec.estado is Estado.NO_CUMPLE
    # 26/30 ÷ 0,90 = 0,963 ≥ 0,90: el semáforo es el avance, no el cumplimiento (R25).
    assert ec.semaforo is Semaforo.VERDE


@pytest.mark.parametrize(("mes", "fin"), [(1, date(2012, 1, 25)), (2, date(2012, 2, 25))])
def test_r14_gestor_al_90_por_ciento_esta_en_curso_en_enero_y_febrero(mes: int, fin: date) -> None:
    ec = _cobertura(27, 30, date(2012, 1, 10), mes=mes)
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
    contactadas: int, asignadas: int, semaforo: Semaforo
) -> None:
    ec = _cobertura(contactadas, asignadas, date(2012, 1, 10), mes=1)
    assert ec.estado is Estado.EN_CURSO
    assert ec.semaforo is semaforo


def test_r25_ec_en_mayo_se_prorratea_por_dos_tercios_del_trimestre() -> None:
    # Mayo es el 2.º mes de T2: esperado 0,90 × 2/3 = 0,60; 18/30 = 0,60 → verde.
    ec = _cobertura(18, 30, date(2012, 4, 10), mes=5)
    assert (ec.estado, ec.semaforo) == (Estado.EN_CURSO, Semaforo.VERDE)
    # 12/30 = 0,40 ÷ 0,60 = 0,667 → rojo.
    assert _cobertura(12, 30, date(2012, 4, 10), mes=5).semaforo is Semaforo.ROJO


def test_r14_contactos_del_trimestre_anterior_no_cuentan_en_la_cobertura() -> None:
    # Junio: T2 empieza el 2012-03-26; un contacto del 2012-03-25 es de T1.
    ec = _cobertura(30, 30, date(2012, 3, 25), mes=6)
    assert (ec.numerador, ec.denominador, ec.valor) == (0, 30, Decimal(0))
    assert ec.estado is Estado.NO_CUMPLE
    assert _cobertura(30, 30, date(2012, 3, 26), mes=6).estado is Estado.CUMPLE


def test_r22_cobertura_regional_se_recalcula_de_las_sumas_no_es_promedio() -> None:
    ana, luis, eva = nits(10, 100), nits(30, 200), nits(2, 300)
    inf = informe_de(
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


def test_las_razones_no_dependen_del_contexto_decimal_de_quien_llama() -> None:
    with localcontext() as contexto:
        contexto.prec = 3
        contexto.traps[Inexact] = True
        ec = _cobertura(10, 30, date(2012, 3, 1), mes=3)
    assert ec.valor == Decimal("0.3333333333333333333333333333")


def test_r14_contactos_por_tipo_y_medio_y_fuera_de_cartera() -> None:
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
    inf = informe_de(
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


def test_r15_empresas_con_menos_de_3_contactos_en_el_anio() -> None:
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
    inf = informe_de(
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


# =========================================================================================
# EP: efectividad del portafolio (R16)
# =========================================================================================


def _datos_ep(mes: int = 6) -> Informe:
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
    return informe_de(
        [ANA, LUIS],
        asignar("ana", [a, b, c]) + asignar("luis", [d]),
        contactos=contactar("ana", [a, b], t2) + contactar("luis", [d], t2),
        servicios=servicios + excluidos,
        mes=mes,
    )


def test_r16_servicio_repetido_cuenta_una_vez_y_registro_de_otro_gestor_cuenta() -> None:
    inf = _datos_ep()
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


def test_r16_ep_en_cada_ambito() -> None:
    inf = _datos_ep()
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


def test_r16_exclusiones_de_ep_con_su_motivo() -> None:
    a, _, c = nits(3, 100)
    motivos = Counter((r.nit, r.fecha, m) for r, m in _motivos(_datos_ep(), ServicioUsado))
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


def test_r25_ep_antes_de_cerrar_el_trimestre_esta_en_curso_y_se_prorratea() -> None:
    # Mayo (2.º mes de T2): b usó Formación el 2012-06-25, después del corte; a tiene 2.
    ep = _datos_ep(mes=5).gestor("ana").ep
    assert (ep.numerador, ep.denominador, ep.valor) == (2, 2, Decimal(1))
    assert ep.estado is Estado.EN_CURSO
    # Esperado 2 × 2/3 = 4/3; 1 ÷ 4/3 = 0,75 → amarillo.
    assert ep.semaforo is Semaforo.AMARILLO
    luis = _datos_ep(mes=5).gestor("luis").ep
    assert (luis.valor, luis.estado, luis.semaforo) == (Decimal(2), Estado.EN_CURSO, Semaforo.VERDE)


# =========================================================================================
# EG: efectividad de la gestión (R17)
# =========================================================================================

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


def _informe_eg() -> Informe:
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
    return informe_de([ANA, LUIS], solicitudes=solicitudes + excluidas)


def test_r17_tres_de_cinco_es_exactamente_60_por_ciento_y_cumple() -> None:
    eg = _informe_eg().gestor("ana").eg
    assert (eg.numerador, eg.denominador, eg.valor) == (3, 5, Decimal("0.6"))
    assert eg.meta == Decimal("0.60")
    assert (eg.estado, eg.semaforo) == (Estado.CUMPLE, Semaforo.VERDE)
    assert (eg.inicio, eg.fin) == (date(2012, 2, 26), date(2012, 3, 25))


def test_r17_recibida_antes_del_corte_y_gestionada_despues_no_esta_gestionada() -> None:
    inf = informe_de([ANA], solicitudes=[_solicitud("s1", gestion=date(2012, 3, 26))], mes=3)
    eg = inf.gestor("ana").eg
    assert (eg.numerador, eg.denominador, eg.valor) == (0, 1, Decimal(0))
    assert (eg.estado, eg.semaforo) == (Estado.NO_CUMPLE, Semaforo.ROJO)
    # En el informe de abril esa solicitud ya es del mes anterior: no se cuenta.
    assert informe_de([ANA], solicitudes=[_solicitud("s1")], mes=4).gestor("ana").eg.estado is (
        Estado.SIN_DATOS
    )


def test_r17_solicitud_sin_gestor_cuenta_en_la_regional_y_la_nacion_no_en_gestores() -> None:
    inf = _informe_eg()
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


def test_r17_los_tres_servicios_mas_solicitados() -> None:
    inf = _informe_eg()
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


def test_r17_empates_por_nombre_sin_mayusculas_ni_tildes() -> None:
    # Por puntos de código el orden sería Becas, asesoría, certificación, Ámbito.
    solicitudes = [
        _solicitud(f"s{i}", servicio)
        for i, servicio in enumerate(["certificación", "Becas", "Ámbito", "asesoría"])
    ]
    eg = informe_de([ANA], solicitudes=solicitudes).gestor("ana").eg
    assert eg.detalle["servicios_mas_solicitados"] == (
        ("Ámbito", 1),
        ("asesoría", 1),
        ("Becas", 1),
    )


def test_r17_grafias_que_solo_difieren_en_mayusculas_o_tildes_se_cuentan_juntas() -> None:
    # Decisión: «Formación» y «formacion» son el mismo servicio del CRM mal escrito.
    solicitudes = [
        _solicitud("s1", "formacion"),
        _solicitud("s2", "Formación"),
        _solicitud("s3", "Asesoría"),
    ]
    eg = informe_de([ANA], solicitudes=solicitudes).gestor("ana").eg
    assert eg.detalle["servicios_mas_solicitados"] == (("Formación", 2), ("Asesoría", 1))


def test_r17_exclusiones_de_eg_con_su_motivo() -> None:
    motivos = {r.id: m for r, m in _motivos(_informe_eg(), Solicitud).elements()}
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
    gestionadas: int, recibidas: int, estado: Estado, semaforo: Semaforo
) -> None:
    fecha = date(2012, 1, 10)
    solicitudes = [
        _solicitud(f"s{i}", fecha=fecha, gestion=fecha if i < gestionadas else None)
        for i in range(recibidas)
    ]
    eg = informe_de([ANA], solicitudes=solicitudes, mes=1).gestor("ana").eg
    assert (eg.estado, eg.semaforo) == (estado, semaforo)


# =========================================================================================
# AF: ambientes de formación (R18)
# =========================================================================================


def _informe_af() -> Informe:
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
    return informe_de([ANA, LUIS, EVA], ambientes=ambientes + excluidos)


def test_r18_af_cuenta_ambientes_y_pesos_del_mes_y_del_anio() -> None:
    af = _informe_af().gestor("ana").af
    assert (af.valor, af.numerador, af.denominador, af.meta) == (2, 2, None, None)
    assert (af.estado, af.semaforo) == (Estado.SIN_META, None)
    assert (af.inicio, af.fin) == (date(2012, 2, 26), date(2012, 3, 25))
    assert af.detalle == {
        "valor_pesos": Decimal("150000000.50"),
        "cantidad_anio": 3,
        "valor_pesos_anio": Decimal("180000000.50"),
    }


def test_r18_af_pesos_son_decimal_aun_con_valores_enteros_o_sin_registros() -> None:
    inf = _informe_af()
    luis = inf.gestor("luis").af.detalle
    assert luis["valor_pesos"] == Decimal(1_000_000)
    assert isinstance(luis["valor_pesos"], Decimal)
    amazonas = inf.regional("Amazonas").af
    assert amazonas.valor == 0
    assert isinstance(amazonas.detalle["valor_pesos"], Decimal)
    assert isinstance(amazonas.detalle["valor_pesos_anio"], Decimal)
    assert amazonas.estado is Estado.SIN_META


def test_r18_af_en_cada_ambito() -> None:
    inf = _informe_af()
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


def test_r18_exclusiones_de_af() -> None:
    motivos = Counter((r.gestor, r.fecha, m) for r, m in _motivos(_informe_af(), Ambiente))
    assert motivos == Counter(
        [
            ("ana", date(2011, 12, 25), Motivo.FUERA_DE_VIGENCIA),
            ("ana", date(2012, 3, 26), Motivo.POSTERIOR_AL_CORTE),
            ("nadie", date(2012, 3, 1), Motivo.GESTOR_DESCONOCIDO),
        ]
    )


# =========================================================================================
# CV: contratos de aprendizaje voluntarios (R19)
# =========================================================================================


def _contratos(
    nit: str, fechas: list[date], obligada: bool = False, cuota: int = 0, regional: str = "41"
) -> list[ContratoAprendizaje]:
    return [
        ContratoAprendizaje(
            nit=nit, regional=regional, fecha=f, obligada=obligada, cuota_regulada=cuota
        )
        for f in fechas
    ]


def _informe_cv() -> Informe:
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
    return informe_de(
        [ANA, LUIS, PEPE],
        asignar("ana", ["800000101", "800000102"]),
        contratos=obligada + voluntaria + sin_asignar + excluidos + antioquia,
        mes=6,
    )


def test_r19_obligada_con_contratos_por_encima_de_la_cuota() -> None:
    cv = _informe_cv().gestor("ana").cv
    # 3 voluntarios de la obligada + 2 de la no obligada.
    assert (cv.valor, cv.numerador, cv.denominador) == (5, 5, None)
    assert cv.detalle["dentro_de_cuota"] == 2
    # Hasta mayo: obligada max(0, 3 − 2) = 1, voluntaria 1 → 2; junio 5 → incremento 3.
    assert cv.detalle["incremento_mes"] == 3
    assert (cv.meta, cv.estado, cv.semaforo) == (None, Estado.SIN_META, None)
    assert (cv.inicio, cv.fin) == (date(2011, 12, 26), date(2012, 6, 25))


def test_r19_empresa_sin_asignar_cuenta_en_la_regional_no_en_el_gestor() -> None:
    inf = _informe_cv()
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


def test_r19_exclusiones_de_cv() -> None:
    motivos = Counter((r.fecha, m) for r, m in _motivos(_informe_cv(), ContratoAprendizaje))
    assert motivos == Counter(
        [
            (date(2011, 12, 25), Motivo.FUERA_DE_VIGENCIA),
            (date(2012, 6, 26), Motivo.POSTERIOR_AL_CORTE),
        ]
    )


def test_r19_obligada_por_debajo_de_su_cuota_no_suma_voluntarios() -> None:
    contratos = _contratos("800000101", [date(2012, 3, 1)] * 2, obligada=True, cuota=3)
    cv = informe_de([ANA], asignar("ana", ["800000101"]), contratos=contratos).gestor("ana").cv
    assert cv.valor == 0
    assert cv.detalle == {"incremento_mes": 0, "dentro_de_cuota": 2}


def test_r19_en_enero_el_incremento_es_todo_lo_del_anio() -> None:
    contratos = _contratos("800000101", [date(2011, 12, 26), date(2012, 1, 25)])
    cv = informe_de([ANA], contratos=contratos, mes=1).regional("Huila").cv
    assert (cv.valor, cv.detalle["incremento_mes"]) == (2, 2)
    assert cv.inicio == date(2011, 12, 26)


def test_r19_el_incremento_del_mes_es_la_diferencia_de_acumulados() -> None:
    contratos = _contratos("800000101", [date(2012, 2, 1), date(2012, 3, 1), date(2012, 3, 2)])
    acumulado = [
        informe_de([ANA], contratos=contratos, mes=mes).regional("Huila").cv for mes in (1, 2, 3, 4)
    ]
    assert [r.valor for r in acumulado] == [0, 1, 3, 3]
    assert [r.detalle["incremento_mes"] for r in acumulado] == [0, 1, 2, 0]


def _cv_huila(contratos: int, mes: int) -> Resultado:
    fecha = date(2012, mes, 1)
    registros = _contratos("800000301", [fecha] * contratos)
    return informe_de([ANA], contratos=registros, mes=mes).regional("Huila").cv


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
    contratos: int, semaforo: Semaforo
) -> None:
    cv = _cv_huila(contratos, mes=6)
    assert (cv.meta, cv.estado, cv.semaforo) == (160, Estado.EN_CURSO, semaforo)


@pytest.mark.parametrize(
    ("contratos", "estado"), [(160, Estado.CUMPLE), (161, Estado.CUMPLE), (159, Estado.NO_CUMPLE)]
)
def test_r24_cv_se_evalua_al_cerrar_la_vigencia_en_diciembre(
    contratos: int, estado: Estado
) -> None:
    assert _cv_huila(contratos, mes=12).estado is estado


@pytest.mark.parametrize("mes", [1, 6, 12])
def test_r25_meta_cero_de_guainia_es_verde(mes: int) -> None:
    cv = informe_de([ANA], mes=mes).regional("Guainía").cv
    assert (cv.meta, cv.valor, cv.semaforo) == (0, 0, Semaforo.VERDE)
    assert cv.estado is (Estado.CUMPLE if mes == 12 else Estado.EN_CURSO)


# =========================================================================================
# EM: empresas que monetizan (R20)
# =========================================================================================


def _informe_em(monetizan: int, mes: int = 3) -> Informe:
    empresas = nits(100, 400)
    cuotas = [
        EmpresaCuota(nit=nit, cuota_regulada=2, monetiza=i < monetizan)
        for i, nit in enumerate(empresas)
    ]
    excluidas = [
        EmpresaCuota(nit="800000999", cuota_regulada=1, monetiza=True),  # sin asignar
        EmpresaCuota(nit="999", cuota_regulada=0, monetiza=False),  # de pepe, sin cuota
    ]
    return informe_de(
        [EVA, PEPE],
        asignar("eva", empresas) + asignar("pepe", ["999"]),
        cuotas=cuotas + excluidas,
        mes=mes,
    )


@pytest.mark.parametrize("mes", [1, 3, 12])
def test_r20_seis_de_cien_es_exactamente_el_techo_y_cumple(mes: int) -> None:
    em = _informe_em(6, mes).gestor("eva").em
    assert (em.numerador, em.denominador, em.valor) == (6, 100, Decimal("0.06"))
    assert em.meta == Decimal("0.06")
    assert (em.estado, em.semaforo) == (Estado.CUMPLE, Semaforo.VERDE)
    corte = Periodo(2012, mes).fin
    assert em.inicio == em.fin == corte


def test_r20_siete_de_cien_supera_el_techo_y_es_rojo() -> None:
    em = _informe_em(7).regional("Antioquia").em
    assert (em.numerador, em.denominador, em.valor) == (7, 100, Decimal("0.07"))
    assert (em.estado, em.semaforo) == (Estado.NO_CUMPLE, Semaforo.ROJO)


def test_r20_ninguna_monetiza_es_verde() -> None:
    em = _informe_em(0).nacional.em
    assert (em.valor, em.estado, em.semaforo) == (Decimal(0), Estado.CUMPLE, Semaforo.VERDE)


def test_r20_tope_publicado_de_la_regional_y_la_nacion() -> None:
    inf = _informe_em(6)
    assert inf.regional("Antioquia").em.detalle["tope_publicado"] == 155
    assert inf.regional("Distrito Capital").em.detalle["tope_publicado"] == 1050
    assert inf.nacional.em.detalle["tope_publicado"] == 1529
    assert inf.gestor("eva").em.detalle["tope_publicado"] is None
    assert inf.rol("Estratégico").em.detalle["tope_publicado"] is None
    assert (inf.nacional.em.numerador, inf.nacional.em.denominador) == (6, 100)
    assert inf.rol("Empresarial").em.estado is Estado.SIN_DATOS
    assert inf.gestor("pepe").em.valor is None


def test_r20_exclusiones_de_em() -> None:
    motivos = Counter((r.nit, m) for r, m in _motivos(_informe_em(6), EmpresaCuota))
    assert motivos == Counter(
        [("800000999", Motivo.EMPRESA_NO_ASIGNADA), ("999", Motivo.SIN_CUOTA)]
    )


# =========================================================================================
# PE: participación en eventos (R21)
# =========================================================================================


def _informe_pe() -> Informe:
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
    return informe_de([ANA, LUIS, EVA], eventos=eventos + excluidos)


def test_r21_eventos_asistentes_y_razones_del_gestor() -> None:
    pe = _informe_pe().gestor("ana").pe
    assert (pe.valor, pe.numerador, pe.denominador, pe.meta) == (1, 1, None, None)
    assert (pe.estado, pe.semaforo) == (Estado.SIN_META, None)
    assert pe.detalle == {
        "asistentes": 25,
        "razones": ("Rueda de negocios",),
        "eventos_anio": 1,
        "asistentes_anio": 25,
    }
    assert (pe.inicio, pe.fin) == (date(2012, 2, 26), date(2012, 3, 25))
    assert _informe_pe().gestor("luis").pe.valor == 0


def test_r21_gestor_con_eventos_del_anio_y_ninguno_del_mes() -> None:
    evento = Evento(
        regional="Huila",
        fecha=date(2012, 1, 20),
        asistentes=8,
        razon="Socialización",
        gestor="luis",
    )
    pe = informe_de([ANA, LUIS], eventos=[evento]).gestor("luis").pe
    assert pe.valor == 0
    assert pe.detalle == {"asistentes": 0, "razones": (), "eventos_anio": 1, "asistentes_anio": 8}


def test_r21_la_regional_suma_los_eventos_sin_gestor() -> None:
    inf = _informe_pe()
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


def test_r21_exclusiones_de_pe() -> None:
    assert Counter((r.razon, m) for r, m in _motivos(_informe_pe(), Evento)) == Counter(
        [
            ("Viejo", Motivo.FUERA_DE_VIGENCIA),
            ("Futuro", Motivo.POSTERIOR_AL_CORTE),
            ("X", Motivo.GESTOR_DESCONOCIDO),
        ]
    )


# =========================================================================================
# SISMEG (R13)
# =========================================================================================


def _informe_sismeg(mes: int = 6, extra: list[LogroSismeg] | None = None) -> Informe:
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
    return informe_de([ANA, LUIS, EVA], logros=logros, mes=mes)


def test_r13_sismeg_por_rol_contra_12000_y_8000() -> None:
    inf = _informe_sismeg()
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


def test_r13_sismeg_nacional_contra_20000_y_2000() -> None:
    nacion = _informe_sismeg().nacional
    formados, empleos = nacion.sismeg_formados, nacion.sismeg_empleos
    assert (formados.valor, formados.numerador, formados.meta) == (9000, 9000, 20_000)
    assert (empleos.valor, empleos.numerador, empleos.meta) == (1050, 1050, 2000)
    assert formados.semaforo is Semaforo.VERDE  # 9000 ÷ 10000 = 0,90 exacto
    assert empleos.semaforo is Semaforo.VERDE
    assert formados.indicador is Indicador.SISMEG_FORMADOS
    assert empleos.indicador is Indicador.SISMEG_EMPLEOS


def test_r13_regionales_y_gestores_sin_meta() -> None:
    inf = _informe_sismeg()
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


def test_r13_exclusiones_de_sismeg_una_sola_vez() -> None:
    inf = _informe_sismeg()
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
def test_r24_sismeg_se_evalua_en_diciembre(formados: int, estado: Estado) -> None:
    # El estratégico lleva 6000; con `formados` más llega a 12000 (o no) al cierre.
    extra = [LogroSismeg(gestor="luis", fecha=date(2012, 12, 25), formados=formados)]
    assert _informe_sismeg(mes=12, extra=extra).rol("Estratégico").sismeg_formados.estado is (
        estado
    )


@pytest.mark.parametrize("mes", [1, 3, 6, 12])
def test_r24_el_criterio_de_un_gestor_no_depende_de_cual_gestor(mes: int) -> None:
    """`informe._columnas` toma el criterio de los gestores una vez por indicador."""
    ctx = Contexto.de(Periodo(2012, mes), PARAMETROS_2012)
    uno = Ambito(TipoAmbito.GESTOR, "ana", Rol.ESTRATEGICO, regional("41"))
    otro = Ambito(TipoAmbito.GESTOR, "luis", Rol.EMPRESARIAL, regional("05"))
    for indicador, _, modulo in _INDICADORES:
        assert modulo.criterio(indicador, uno, ctx) == modulo.criterio(indicador, otro, ctx)


@pytest.mark.parametrize("mes", [1, 3, 6, 12])
def test_r22_las_filas_por_columnas_son_las_del_informe_en_los_datos_de_ejemplo(mes: int) -> None:
    """La vía por columnas del motor tabular (`informe._columnas`) da las filas de
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


# =========================================================================================
# Estados, SIN_DATOS y semáforo en general (R24, R25)
# =========================================================================================


def test_r24_gestor_sin_asignaciones_da_sin_datos_nunca_division_por_cero() -> None:
    inf = informe_de([ANA], mes=3)
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


def test_r24_un_conteo_sin_registros_es_cero_y_con_meta_se_evalua() -> None:
    inf = informe_de([ANA], mes=12)
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


def test_r25_umbrales_del_semaforo_son_parametros() -> None:
    umbrales = (Decimal("0.95"), Decimal("0.50"))
    assert evaluar(
        9, 10, Decimal(1), horizonte_cerrado=True, avance=Fraction(1), umbrales=umbrales
    ) == (Estado.NO_CUMPLE, Semaforo.AMARILLO)
    parametros = attrs.evolve(PARAMETROS_2012, umbral_verde=Decimal("0.95"))
    inf = informe(
        datos([ANA], asignar("ana", nits(30)), contactos=contactar("ana", nits(27), MES_MARZO)),
        Periodo(2012, 3),
        parametros=parametros,
    )
    assert inf.gestor("ana").ec.semaforo is Semaforo.VERDE  # 0,9 ÷ 0,9 = 1
    inf = informe(
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


# =========================================================================================
# El informe (R22–R25, API «Indicators and the report»)
# =========================================================================================


def test_informe_rechaza_un_periodo_con_otro_dia_de_corte() -> None:
    with pytest.raises(DatoInvalido, match="día 20") as error:
        informe(datos([ANA]), Periodo(2012, 3, dia_corte=20))
    assert error.value.campo == "periodo"


@pytest.mark.parametrize("periodo", [Periodo(2013, 1), Periodo(2011, 12)])
def test_informe_rechaza_un_periodo_de_otra_vigencia(periodo: Periodo) -> None:
    with pytest.raises(DatoInvalido, match="vigencia 2012") as error:
        informe(datos([ANA]), periodo)
    assert error.value.campo == "periodo"


@pytest.mark.parametrize(
    ("argumentos", "campo"),
    [
        ({"datos": "datos", "periodo": Periodo(2012, 3)}, "datos"),
        ({"datos": None, "periodo": Periodo(2012, 3)}, "datos"),
        ({"datos": datos([ANA]), "periodo": "2012-03"}, "periodo"),
        ({"datos": datos([ANA]), "periodo": date(2012, 3, 25)}, "periodo"),
        ({"datos": datos([ANA]), "periodo": Periodo(2012, 3), "parametros": {}}, "parametros"),
    ],
)
def test_informe_rechaza_argumentos_de_otro_tipo(argumentos: dict[str, Any], campo: str) -> None:
    with pytest.raises(DatoInvalido) as error:
        informe(**argumentos)
    assert error.value.campo == campo


def test_informe_con_otro_dia_de_corte_en_los_parametros() -> None:
    parametros = attrs.evolve(PARAMETROS_2012, dia_corte=20)
    periodo = Periodo(2012, 3, dia_corte=20)
    empresas = nits(10)
    d = datos(
        [ANA],
        asignar("ana", empresas),
        contactos=contactar("ana", empresas[:9], date(2012, 3, 20))
        + contactar("ana", empresas[9:], date(2012, 3, 21)),
    )
    inf = informe(d, periodo, parametros=parametros)
    ec = inf.gestor("ana").ec
    assert (ec.inicio, ec.fin) == (date(2011, 12, 21), date(2012, 3, 20))
    assert (ec.numerador, ec.estado) == (9, Estado.CUMPLE)
    assert inf.periodo == periodo
    assert inf.parametros is parametros


def test_informe_tablero_de_una_regional_por_cualquier_consulta() -> None:
    inf = informe_de([ANA])
    huila = inf.regional("Huila")
    assert (huila.ambito, huila.clave, huila.nombre) == (TipoAmbito.REGIONAL, "41", "Huila")
    assert inf.regional("huila") is huila
    assert inf.regional(41) is huila
    assert inf.regional(regional("41")) is huila
    assert inf.regional("Regional Huila") is huila
    with pytest.raises(RegionalDesconocida):
        inf.regional("Atlantis")
    with pytest.raises(DatoInvalido):
        inf.regional(None)  # type: ignore[arg-type]


def test_informe_tablero_de_un_gestor_desconocido_es_dato_invalido() -> None:
    inf = informe_de([ANA])
    assert inf.gestor("ana").clave == "ana"
    assert inf.gestor(" ana ") is inf.gestor("ana")
    assert inf.gestor(ANA) is inf.gestor("ana")
    for consulta in ("x", "", 5, None):
        with pytest.raises(DatoInvalido) as error:
            inf.gestor(consulta)  # type: ignore[arg-type]
        assert error.value.campo == "gestor"


def test_informe_tablero_de_un_rol() -> None:
    inf = informe_de([ANA, LUIS])
    estrategico = inf.rol("Estratégico")
    assert (estrategico.ambito, estrategico.clave, estrategico.nombre) == (
        TipoAmbito.ROL,
        "ESTRATEGICO",
        "Estratégico",
    )
    assert inf.rol(Rol.ESTRATEGICO) is estrategico
    assert inf.rol("ESTRATEGICO") is estrategico
    assert inf.rol("empresarial").clave == "EMPRESARIAL"
    with pytest.raises(DatoInvalido):
        inf.rol("coordinador")


def test_informe_toda_regional_del_catalogo_tiene_tablero() -> None:
    inf = informe_de([ANA], asignar("ana", nits(3)))
    assert list(inf.regionales) == [r.codigo for r in REGIONALES]
    for r in REGIONALES:
        tablero = inf.regional(r)
        assert (tablero.clave, tablero.nombre) == (r.codigo, r.nombre)
        assert tablero.cv.meta == PARAMETROS_2012.metas_cv[r.codigo]
        assert tablero.em.detalle["tope_publicado"] == PARAMETROS_2012.topes_em[r.codigo]
        if r.codigo != HUILA:
            assert tablero.ec.estado is Estado.SIN_DATOS
            assert tablero.ec.valor is None
    assert inf.regional("Huila").ec.denominador == 3
    assert inf.nacional.clave == "CO"
    assert inf.nacional.nombre == "Colombia"
    assert inf.nacional.ambito is TipoAmbito.NACIONAL


def test_informe_tableros_en_orden_nacion_roles_regionales_gestores() -> None:
    inf = informe_de([LUIS, ANA])
    tableros = list(inf.tableros)
    assert len(tableros) == 1 + 2 + 33 + 2
    assert [t.ambito for t in tableros[:4]] == [
        TipoAmbito.NACIONAL,
        TipoAmbito.ROL,
        TipoAmbito.ROL,
        TipoAmbito.REGIONAL,
    ]
    assert [t.clave for t in tableros[-2:]] == ["ana", "luis"]
    assert [r.indicador for r in inf.nacional.resultados] == list(Indicador)


TIPOS_DE_NUMERO = (int, Decimal)


def test_filas_planas_con_claves_y_tipos_de_la_api() -> None:
    inf = _informe_cv()
    filas = inf.filas()
    assert len(filas) == (1 + 2 + 33 + 3) * 9
    claves = {
        "ambito",
        "clave",
        "indicador",
        "inicio",
        "fin",
        "valor",
        "meta",
        "numerador",
        "denominador",
        "estado",
        "semaforo",
    }
    for fila in filas:
        assert set(fila) == claves
        assert fila["ambito"] in {"nacional", "rol", "regional", "gestor"}
        assert fila["indicador"] in Indicador.__members__
        assert fila["estado"] in Estado.__members__
        assert fila["semaforo"] is None or fila["semaforo"] in Semaforo.__members__
        assert type(fila["inicio"]) is date
        assert type(fila["fin"]) is date
        for clave in ("valor", "meta", "denominador"):
            assert fila[clave] is None or type(fila[clave]) in TIPOS_DE_NUMERO, fila
        assert type(fila["numerador"]) in TIPOS_DE_NUMERO
    nacion = [f for f in filas if f["ambito"] == "nacional"]
    assert {f["clave"] for f in nacion} == {"CO"}
    assert [f["indicador"] for f in nacion] == [i.name for i in Indicador]
    cv = next(f for f in nacion if f["indicador"] == "CV")
    assert cv == {
        "ambito": "nacional",
        "clave": "CO",
        "indicador": "CV",
        "inicio": date(2011, 12, 26),
        "fin": date(2012, 6, 25),
        "valor": 9,
        "meta": 14_200,
        "numerador": 9,
        "denominador": None,
        "estado": "EN_CURSO",
        "semaforo": "ROJO",
    }
    assert {f["clave"] for f in filas if f["ambito"] == "rol"} == {"ESTRATEGICO", "EMPRESARIAL"}
    assert {f["clave"] for f in filas if f["ambito"] == "gestor"} == {"ana", "luis", "pepe"}
    regionales = {f["clave"] for f in filas if f["ambito"] == "regional"}
    assert regionales == {r.codigo for r in REGIONALES}
    ec_huila = next(
        f for f in filas if (f["ambito"], f["clave"], f["indicador"]) == ("regional", "41", "EC")
    )
    assert (ec_huila["valor"], ec_huila["numerador"], ec_huila["denominador"]) == (
        Decimal(0),
        0,
        2,
    )
    assert (ec_huila["estado"], ec_huila["semaforo"], ec_huila["meta"]) == (
        "NO_CUMPLE",
        "ROJO",
        Decimal("0.90"),
    )
    ec_antioquia = next(
        f for f in filas if (f["ambito"], f["clave"], f["indicador"]) == ("regional", "05", "EC")
    )
    assert (ec_antioquia["valor"], ec_antioquia["estado"], ec_antioquia["semaforo"]) == (
        None,
        "SIN_DATOS",
        None,
    )
    assert inf.regional("Huila").filas() == [
        f for f in filas if (f["ambito"], f["clave"]) == ("regional", "41")
    ]


def test_r23_excluidos_y_resumen_por_motivo() -> None:
    inf = _informe_sismeg()
    huerfana = Asignacion(gestor="nadie", nit="900123456")
    con_asignacion = informe(datos([ANA], [huerfana]), Periodo(2012, 3))
    assert [(e.registro, e.motivo) for e in con_asignacion.excluidos] == [
        (huerfana, Motivo.GESTOR_DESCONOCIDO)
    ]
    assert con_asignacion.resumen_excluidos() == {Motivo.GESTOR_DESCONOCIDO: 1}
    resumen = inf.resumen_excluidos()
    assert resumen == {
        Motivo.GESTOR_DESCONOCIDO: 1,
        Motivo.POSTERIOR_AL_CORTE: 1,
        Motivo.FUERA_DE_VIGENCIA: 1,
    }
    assert sum(resumen.values()) == len(inf.excluidos)
    assert informe_de([ANA]).resumen_excluidos() == {}
    assert informe_de([ANA]).excluidos == ()


def test_r22_cada_tablero_dice_su_rol_y_su_regional() -> None:
    """El tablero de un gestor lleva su rol y su regional; el de una regional, la regional; el
    de un rol, el rol; el nacional, ninguno."""
    inf = informe_de([gestor("ana", "Empresarial", "Huila")])
    ana = inf.gestor("ana")
    assert (ana.rol, ana.regional) == (Rol.EMPRESARIAL, regional("Huila"))
    huila = inf.regional("41")
    assert (huila.rol, huila.regional) == (None, regional("Huila"))
    estrategico = inf.rol(Rol.ESTRATEGICO)
    assert (estrategico.rol, estrategico.regional) == (Rol.ESTRATEGICO, None)
    assert (inf.nacional.rol, inf.nacional.regional) == (None, None)
