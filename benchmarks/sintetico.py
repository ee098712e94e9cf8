"""Un año nacional sintético y determinista para los benchmarks (no se usa en las pruebas).

33 regionales, 800 gestores, 60.000 empresas asignadas, 2.000.000 de contactos, 300.000
servicios, 200.000 solicitudes, 50.000 contratos, 60.000 cuotas, eventos y logros SISMEG.
`escala` reduce todo proporcionalmente (0.01 para una prueba rápida).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

from sena_relacionamiento import (
    REGIONALES,
    Ambiente,
    Asignacion,
    Contacto,
    ContratoAprendizaje,
    DatosSeguimiento,
    EmpresaCuota,
    Evento,
    Gestor,
    LogroSismeg,
    MedioContacto,
    Rol,
    ServicioUsado,
    Solicitud,
    TipoContacto,
)

INICIO = date(2011, 12, 1)
DIAS = 400  # 2011-12-01 … 2013-01-04: hay registros antes, dentro y después de la vigencia
SERVICIOS = [f"Servicio {i:02d}" for i in range(40)]


def generar(escala: float = 1.0, semilla: int = 109) -> DatosSeguimiento:
    azar = random.Random(semilla)

    def n(x: int) -> int:
        return max(1, int(x * escala))

    gestores = [
        Gestor(
            id=f"g{i:04d}",
            rol=Rol.ESTRATEGICO if i % 5 < 2 else Rol.EMPRESARIAL,
            regional=REGIONALES[i % 33],
        )
        for i in range(n(800))
    ]
    nits = [str(800_000_000 + 7 * i) for i in range(n(60_000))]
    asignaciones = [
        Asignacion(gestor=gestores[i % len(gestores)].id, nit=nit) for i, nit in enumerate(nits)
    ]
    dueno = {a.nit: a.gestor for a in asignaciones}
    por_id = {g.id: g for g in gestores}
    dia = [INICIO + timedelta(days=d) for d in range(DIAS)]
    tipos, medios = list(TipoContacto), list(MedioContacto)

    def fecha() -> date:
        return dia[azar.randrange(DIAS)]

    contactos = []
    for _ in range(n(2_000_000)):
        nit = nits[azar.randrange(len(nits))]
        # la mayoría a su propio gestor; algunos fuera de cartera o a un gestor inexistente
        r = azar.random()
        gestor = (
            dueno[nit]
            if r < 0.9
            else ("g9999" if r > 0.995 else gestores[azar.randrange(len(gestores))].id)
        )
        contactos.append(
            Contacto(
                gestor=gestor,
                nit=nit,
                fecha=fecha(),
                tipo=tipos[azar.randrange(2)],
                medio=medios[azar.randrange(2)],
            )
        )
    servicios = [
        ServicioUsado(
            nit=nits[azar.randrange(len(nits))],
            fecha=fecha(),
            servicio=SERVICIOS[azar.randrange(40)],
        )
        for _ in range(n(300_000))
    ]
    solicitudes = []
    for i in range(n(200_000)):
        recibida = fecha()
        g = gestores[azar.randrange(len(gestores))] if azar.random() < 0.8 else None
        solicitudes.append(
            Solicitud(
                id=f"s{i}",
                fecha=recibida,
                servicio=SERVICIOS[azar.randrange(40)],
                regional=g.regional if g else REGIONALES[azar.randrange(33)],
                gestor=g.id if g else None,
                fecha_gestion=recibida + timedelta(days=azar.randrange(40))
                if azar.random() < 0.7
                else None,
            )
        )
    obligada = {nit: azar.random() < 0.5 for nit in nits}
    cuota_de = {nit: azar.randrange(1, 4) if obligada[nit] else 0 for nit in nits}
    contratos = []
    for _ in range(n(50_000)):
        nit = nits[azar.randrange(len(nits))]
        contratos.append(
            ContratoAprendizaje(
                nit=nit,
                regional=por_id[dueno[nit]].regional,
                fecha=fecha(),
                obligada=obligada[nit],
                cuota_regulada=cuota_de[nit],
            )
        )
    cuotas = [
        EmpresaCuota(nit=nit, cuota_regulada=azar.randrange(0, 5), monetiza=False)
        if i % 3
        else EmpresaCuota(
            nit=nit, cuota_regulada=azar.randrange(1, 5), monetiza=azar.random() < 0.08
        )
        for i, nit in enumerate(nits[: n(60_000)])
    ]
    ambientes = [
        Ambiente(
            gestor=gestores[azar.randrange(len(gestores))].id,
            fecha=fecha(),
            valor=azar.randrange(1, 10**8),
            cantidad=azar.randrange(1, 4),
        )
        for _ in range(n(5_000))
    ]
    eventos = []
    for _ in range(n(10_000)):
        g = gestores[azar.randrange(len(gestores))] if azar.random() < 0.5 else None
        eventos.append(
            Evento(
                regional=g.regional if g else REGIONALES[azar.randrange(33)],
                fecha=fecha(),
                asistentes=azar.randrange(0, 300),
                razon=f"Convocatoria {azar.randrange(20)}",
                gestor=g.id if g else None,
            )
        )
    logros = [
        LogroSismeg(
            gestor=gestores[azar.randrange(len(gestores))].id,
            fecha=fecha(),
            formados=azar.randrange(0, 50),
            empleos=azar.randrange(0, 5),
        )
        for _ in range(n(20_000))
    ]
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


def medir(funcion: Callable[[], Any], veces: int) -> tuple[float, Any]:
    """El mejor tiempo de `veces` llamadas a `funcion` y lo que devolvió la última."""
    mejor, resultado = float("inf"), None
    for _ in range(veces):
        t0 = time.perf_counter()
        resultado = funcion()
        mejor = min(mejor, time.perf_counter() - t0)
    return mejor, resultado


def medir_alternando(
    funciones: Mapping[str, Callable[[], Any]], veces: int
) -> tuple[dict[str, list[float]], dict[str, Any]]:
    """Llama `veces` veces a cada función, por turnos (una llamada de cada una por vuelta, para
    que el ruido de la máquina caiga por igual en todas), y da los tiempos de cada una y lo que
    devolvió su última llamada."""
    tiempos: dict[str, list[float]] = {nombre: [] for nombre in funciones}
    resultados: dict[str, Any] = {}
    for _ in range(veces):
        for nombre, funcion in funciones.items():
            t0 = time.perf_counter()
            resultados[nombre] = funcion()
            tiempos[nombre].append(time.perf_counter() - t0)
    return tiempos, resultados
