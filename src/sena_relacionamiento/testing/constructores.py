"""Constructores de registros válidos y de conjuntos de datos coherentes, en una línea.

No necesitan `hypothesis`. Cada constructor tiene valores por defecto sensatos (un gestor
empresarial ``"g1"`` de Huila, la empresa ``"900123456"``, fechas de marzo de 2012) y acepta
palabras clave que reemplazan cualquiera de ellos.

>>> un_contacto(medio="telefónico").medio.name
'TELEFONICO'
>>> datos = un_conjunto_de_datos(regionales=("Huila", "Meta"), gestores_por_regional=2,
...                              empresas_por_gestor=3)
>>> len(datos.gestores), len(datos.asignaciones), datos.excluidos
(4, 12, ())
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Final

from sena_relacionamiento.acceso import Usuario
from sena_relacionamiento.datos import DatosSeguimiento
from sena_relacionamiento.enumeraciones import Rol
from sena_relacionamiento.periodos import Periodo
from sena_relacionamiento.regionales import ConsultaRegional, Regional, regional
from sena_relacionamiento.registros import (
    Ambiente,
    Asignacion,
    Contacto,
    ContratoAprendizaje,
    EmpresaCuota,
    Evento,
    Gestor,
    LogroSismeg,
    MedioContacto,
    ServicioUsado,
    Solicitud,
    TipoContacto,
)

__all__ = [
    "FECHA",
    "NIT",
    "PERIODO",
    "SERVICIOS",
    "un_ambiente",
    "un_conjunto_de_datos",
    "un_contacto",
    "un_contrato",
    "un_evento",
    "un_gestor",
    "un_logro",
    "un_servicio_usado",
    "un_usuario",
    "una_asignacion",
    "una_empresa_cuota",
    "una_solicitud",
]

PERIODO: Final = Periodo(2012, 3)
"""El periodo por defecto de los constructores: marzo de 2012 (26 de febrero a 25 de marzo)."""

FECHA: Final = date(2012, 3, 1)
"""La fecha por defecto de los registros: dentro de `PERIODO`."""

NIT: Final = "900123456"
"""El NIT por defecto (su dígito de verificación es 8)."""

SERVICIOS: Final = (
    "Formación a la medida",
    "Certificación de competencias",
    "Contrato de aprendizaje",
    "Agencia Pública de Empleo",
    "Asesoría en innovación",
)
"""Nombres de servicios del portafolio que usan los constructores."""


def _con(defectos: dict[str, Any], cambios: dict[str, Any]) -> dict[str, Any]:
    return {**defectos, **cambios}


def un_gestor(**cambios: Any) -> Gestor:
    """Un `Gestor`; por defecto ``Gestor(id="g1", rol=EMPRESARIAL, regional=Huila)``.

    >>> un_gestor(id="g7", rol="estratégico").rol.name
    'ESTRATEGICO'
    """
    return Gestor(**_con({"id": "g1", "rol": Rol.EMPRESARIAL, "regional": "Huila"}, cambios))


def una_asignacion(**cambios: Any) -> Asignacion:
    """Una `Asignacion`; por defecto la empresa `NIT` asignada a ``"g1"``."""
    return Asignacion(**_con({"gestor": "g1", "nit": NIT}, cambios))


def un_contacto(**cambios: Any) -> Contacto:
    """Un `Contacto` de ``"g1"`` con la empresa `NIT` el día `FECHA`: nuevo, por visita."""
    defectos = {
        "gestor": "g1",
        "nit": NIT,
        "fecha": FECHA,
        "tipo": TipoContacto.NUEVO,
        "medio": MedioContacto.VISITA,
    }
    return Contacto(**_con(defectos, cambios))


def un_servicio_usado(**cambios: Any) -> ServicioUsado:
    """Un `ServicioUsado` por la empresa `NIT` el día `FECHA`, sin gestor que lo registre."""
    return ServicioUsado(**_con({"nit": NIT, "fecha": FECHA, "servicio": SERVICIOS[0]}, cambios))


def una_solicitud(**cambios: Any) -> Solicitud:
    """Una `Solicitud` ``"s1"`` de Huila recibida el día `FECHA`, sin gestor ni gestión."""
    defectos = {"id": "s1", "fecha": FECHA, "servicio": SERVICIOS[0], "regional": "Huila"}
    return Solicitud(**_con(defectos, cambios))


def un_ambiente(**cambios: Any) -> Ambiente:
    """Un `Ambiente` de ``"g1"`` el día `FECHA`, por $ 10.000.000."""
    return Ambiente(**_con({"gestor": "g1", "fecha": FECHA, "valor": 10_000_000}, cambios))


def un_contrato(**cambios: Any) -> ContratoAprendizaje:
    """Un `ContratoAprendizaje` de la empresa `NIT` en Huila el día `FECHA`, no obligada."""
    defectos = {"nit": NIT, "regional": "Huila", "fecha": FECHA, "obligada": False}
    return ContratoAprendizaje(**_con(defectos, cambios))


def una_empresa_cuota(**cambios: Any) -> EmpresaCuota:
    """Una `EmpresaCuota` de la empresa `NIT` con cuota regulada 2 que no la monetiza."""
    return EmpresaCuota(**_con({"nit": NIT, "cuota_regulada": 2, "monetiza": False}, cambios))


def un_evento(**cambios: Any) -> Evento:
    """Un `Evento` de Huila el día `FECHA` con 30 asistentes."""
    defectos = {
        "regional": "Huila",
        "fecha": FECHA,
        "asistentes": 30,
        "razon": "Socialización del portafolio",
    }
    return Evento(**_con(defectos, cambios))


def un_logro(**cambios: Any) -> LogroSismeg:
    """Un `LogroSismeg` de ``"g1"`` el día `FECHA`: 10 formados y 1 empleo."""
    return LogroSismeg(
        **_con({"gestor": "g1", "fecha": FECHA, "formados": 10, "empleos": 1}, cambios)
    )


def un_usuario(**cambios: Any) -> Usuario:
    """Un `Usuario`; por defecto el coordinador ``"c-41"`` de Huila.

    >>> un_usuario(id="dg", rol="dirección general", regional=None).rol.name
    'DIRECCION_GENERAL'
    """
    return Usuario(**_con({"id": "c-41", "rol": "coordinador", "regional": "Huila"}, cambios))


def _fecha_en(azar: random.Random, inicio: date, fin: date) -> date:
    return inicio + timedelta(days=azar.randrange((fin - inicio).days + 1))


def un_conjunto_de_datos(
    *,
    regionales: Iterable[ConsultaRegional] = ("Huila",),
    gestores_por_regional: int = 2,
    empresas_por_gestor: int = 3,
    periodo: Periodo = PERIODO,
    semilla: int = 0,
) -> DatosSeguimiento:
    """Un `DatosSeguimiento` coherente y determinista (misma semilla, mismos datos).

    Por cada regional crea `gestores_por_regional` gestores (``"<código>-g<n>"``, alternando
    empresarial y estratégico) y a cada uno le asigna `empresas_por_gestor` empresas distintas.
    Luego, con fechas del año hasta el corte de `periodo`, agrega contactos a su cartera,
    servicios usados, solicitudes de su regional (con o sin gestor), ambientes, contratos de
    aprendizaje coherentes por empresa, un registro de cuota por empresa, eventos y logros
    SISMEG. Ningún registro queda excluido por referencias rotas.

    >>> a = un_conjunto_de_datos(semilla=3)
    >>> a == un_conjunto_de_datos(semilla=3), a == un_conjunto_de_datos(semilla=4)
    (True, False)
    """
    azar = random.Random(semilla)
    del_anio = periodo.vigencia.inicio, periodo.fin
    del_mes = periodo.inicio, periodo.fin
    gestores: list[Gestor] = []
    asignaciones: list[Asignacion] = []
    contactos: list[Contacto] = []
    servicios: list[ServicioUsado] = []
    solicitudes: list[Solicitud] = []
    ambientes: list[Ambiente] = []
    contratos: list[ContratoAprendizaje] = []
    cuotas: list[EmpresaCuota] = []
    eventos: list[Evento] = []
    logros: list[LogroSismeg] = []
    siguiente_nit = 800_000_000
    vistas: list[Regional] = []
    for consulta in regionales:
        r = regional(consulta)
        if r in vistas:
            continue
        vistas.append(r)
        de_la_regional: list[Gestor] = []
        for n in range(1, gestores_por_regional + 1):
            rol = Rol.EMPRESARIAL if n % 2 else Rol.ESTRATEGICO
            gestor = Gestor(id=f"{r.codigo}-g{n}", rol=rol, regional=r)
            de_la_regional.append(gestor)
            for _ in range(empresas_por_gestor):
                siguiente_nit += 1
                nit = str(siguiente_nit)
                asignaciones.append(Asignacion(gestor=gestor.id, nit=nit))
                for _ in range(azar.randrange(4)):
                    contactos.append(
                        Contacto(
                            gestor=gestor.id,
                            nit=nit,
                            fecha=_fecha_en(azar, *del_anio),
                            tipo=azar.choice(list(TipoContacto)),
                            medio=azar.choice(list(MedioContacto)),
                        )
                    )
                for _ in range(azar.randrange(3)):
                    servicios.append(
                        ServicioUsado(
                            nit=nit,
                            fecha=_fecha_en(azar, *del_anio),
                            servicio=azar.choice(SERVICIOS),
                            gestor=gestor.id,
                        )
                    )
                obligada = azar.random() < 0.5
                cuota = azar.randrange(1, 4) if obligada else 0
                for _ in range(azar.randrange(4)):
                    contratos.append(
                        ContratoAprendizaje(
                            nit=nit,
                            regional=r,
                            fecha=_fecha_en(azar, *del_anio),
                            obligada=obligada,
                            cuota_regulada=cuota,
                        )
                    )
                cuotas.append(
                    EmpresaCuota(
                        nit=nit,
                        cuota_regulada=cuota,
                        monetiza=cuota > 0 and azar.random() < 0.1,
                        gestor=gestor.id,
                    )
                )
            ambientes.append(
                Ambiente(
                    gestor=gestor.id,
                    fecha=_fecha_en(azar, *del_anio),
                    valor=Decimal(azar.randrange(1, 50_000_000)),
                    cantidad=azar.randrange(1, 3),
                )
            )
            logros.append(
                LogroSismeg(
                    gestor=gestor.id,
                    fecha=_fecha_en(azar, *del_anio),
                    formados=azar.randrange(200),
                    empleos=azar.randrange(20),
                )
            )
        gestores.extend(de_la_regional)
        for n in range(azar.randrange(1, 5)):
            recibida = _fecha_en(azar, *del_mes)
            gestionada = (
                _fecha_en(azar, recibida, recibida + timedelta(days=10))
                if azar.random() < 0.7
                else None
            )
            solicitudes.append(
                Solicitud(
                    id=f"{r.codigo}-s{n}",
                    fecha=recibida,
                    servicio=azar.choice(SERVICIOS),
                    regional=r,
                    gestor=azar.choice([None, *(g.id for g in de_la_regional)]),
                    fecha_gestion=gestionada,
                )
            )
        for _ in range(azar.randrange(3)):
            eventos.append(
                Evento(
                    regional=r,
                    fecha=_fecha_en(azar, *del_anio),
                    asistentes=azar.randrange(300),
                    razon=azar.choice(("Rueda de negocios", "Socialización", "Feria de empleo")),
                    gestor=azar.choice([None, *(g.id for g in de_la_regional)]),
                )
            )
    return DatosSeguimiento(
        gestores=gestores,
        asignaciones=asignaciones,
        contactos=contactos,
        servicios=servicios,
        solicitudes=solicitudes,
        ambientes=ambientes,
        contratos=contratos,
        cuotas=cuotas,
        eventos=eventos,
        logros=logros,
    )
