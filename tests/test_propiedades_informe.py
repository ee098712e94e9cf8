"""Propiedades del informe sobre datos generados (R14–R23).

Un oráculo independiente, escrito aquí registro por registro y sin usar el código de los
indicadores, dice qué registros cuentan y cuáles se excluyen; las pruebas comprueban que el
informe coincide con él (nada se pierde, R23), que las cifras suman de gestor a regional y a
nación (R22), que añadir un contacto nunca baja la cobertura, que el orden de los registros no
importa y que las razones quedan en sus límites.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from random import Random
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sena_relacionamiento import (
    PARAMETROS_2012,
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
    Periodo,
    Rol,
    ServicioUsado,
    Solicitud,
    Tablero,
    TipoContacto,
    informe,
)
from sena_relacionamiento.indicadores._base import Contexto
from sena_relacionamiento.informe import Informe, _calcular
from sena_relacionamiento.tablas._filas import columnas as _columnas

AJUSTES = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

CODIGOS = ("41", "05", "94")  # Huila, Antioquia, Guainía
DESCONOCIDOS = ("x1", "x2")
NITS = tuple(str(800_000_000 + i) for i in range(1, 13))
SERVICIOS = ("Formación", "formacion", "Certificación", "Empleo (SNE)", "Ámbito")
fechas = st.dates(date(2011, 11, 1), date(2013, 1, 31))


@dataclass(frozen=True)
class Caso:
    """Unos datos generados y el periodo de su informe."""

    datos: DatosSeguimiento
    periodo: Periodo


@st.composite
def casos(draw: st.DrawFn) -> Caso:
    """Unos pocos gestores de ambos roles en tres regionales y registros de todo tipo, con
    fechas de 2011-11 a 2013-01; algunos nombran gestores desconocidos."""
    gestores = [
        Gestor(id=f"g{i}", rol=draw(st.sampled_from(Rol)), regional=draw(st.sampled_from(CODIGOS)))
        for i in range(draw(st.integers(1, 5)))
    ]
    ids = [g.id for g in gestores]
    regional_de = {g.id: g.regional.codigo for g in gestores}
    cualquiera = st.sampled_from([*ids, *DESCONOCIDOS])
    opcional = st.one_of(st.none(), cualquiera)

    asignadas = draw(st.lists(st.sampled_from(NITS), unique=True, max_size=10))
    asignaciones = [Asignacion(gestor=draw(cualquiera), nit=nit) for nit in asignadas]
    repetidas = draw(st.lists(st.sampled_from(asignaciones), max_size=2)) if asignaciones else []
    duenio = {a.nit: a.gestor for a in asignaciones if a.gestor in regional_de}

    contactos = draw(
        st.lists(
            st.builds(
                Contacto,
                gestor=cualquiera,
                nit=st.sampled_from(NITS),
                fecha=fechas,
                tipo=st.sampled_from(TipoContacto),
                medio=st.sampled_from(MedioContacto),
            ),
            max_size=30,
        )
    )
    servicios = draw(
        st.lists(
            st.builds(
                ServicioUsado,
                nit=st.sampled_from(NITS),
                fecha=fechas,
                servicio=st.sampled_from(SERVICIOS),
                gestor=opcional,
            ),
            max_size=20,
        )
    )

    def con_regional(gestor: str | None) -> str:
        return regional_de[gestor] if gestor in regional_de else draw(st.sampled_from(CODIGOS))

    solicitudes = []
    for i in range(draw(st.integers(0, 12))):
        gestor = draw(opcional)
        fecha = draw(fechas)
        demora = draw(st.one_of(st.none(), st.integers(0, 40)))
        solicitudes.append(
            Solicitud(
                id=f"s{i}",
                fecha=fecha,
                servicio=draw(st.sampled_from(SERVICIOS)),
                regional=con_regional(gestor),
                gestor=gestor,
                fecha_gestion=None if demora is None else fecha + timedelta(days=demora),
            )
        )
    ambientes = draw(
        st.lists(
            st.builds(
                Ambiente,
                gestor=cualquiera,
                fecha=fechas,
                valor=st.one_of(
                    st.integers(0, 10**9),
                    st.decimals(0, 10**9, places=2, allow_nan=False, allow_infinity=False),
                ),
                cantidad=st.integers(1, 4),
            ),
            max_size=8,
        )
    )
    contratos = []
    for nit in draw(st.lists(st.sampled_from(NITS), unique=True, max_size=6)):
        regional = regional_de[duenio[nit]] if nit in duenio else draw(st.sampled_from(CODIGOS))
        obligada, cuota = draw(st.booleans()), draw(st.integers(0, 3))
        contratos += [
            ContratoAprendizaje(
                nit=nit, regional=regional, fecha=f, obligada=obligada, cuota_regulada=cuota
            )
            for f in draw(st.lists(fechas, min_size=1, max_size=6))
        ]
    cuotas = []
    for nit in draw(st.lists(st.sampled_from(NITS), unique=True, max_size=8)):
        cuota = draw(st.integers(0, 3))
        cuotas.append(
            EmpresaCuota(
                nit=nit,
                cuota_regulada=cuota,
                monetiza=cuota > 0 and draw(st.booleans()),
                gestor=duenio.get(nit) if draw(st.booleans()) else None,
            )
        )
    eventos = []
    for _ in range(draw(st.integers(0, 6))):
        gestor = draw(opcional)
        eventos.append(
            Evento(
                regional=con_regional(gestor),
                fecha=draw(fechas),
                asistentes=draw(st.integers(0, 50)),
                razon=draw(st.sampled_from(["Feria", "Rueda de negocios", "Alianza"])),
                gestor=gestor,
            )
        )
    logros = draw(
        st.lists(
            st.builds(
                LogroSismeg,
                gestor=cualquiera,
                fecha=fechas,
                formados=st.integers(0, 500),
                empleos=st.integers(0, 50),
            ),
            max_size=8,
        )
    )
    datos = DatosSeguimiento(
        gestores=gestores,
        asignaciones=asignaciones + repetidas,
        contactos=contactos,
        servicios=servicios,
        solicitudes=solicitudes,
        ambientes=ambientes,
        contratos=contratos,
        cuotas=cuotas,
        eventos=eventos,
        logros=logros,
    )
    return Caso(datos, Periodo(2012, draw(st.integers(1, 12))))


# --- El oráculo --------------------------------------------------------------------------


@dataclass
class Oraculo:
    """Lo que cuenta y lo que se excluye, decidido registro por registro (R14–R21, R23)."""

    datos: DatosSeguimiento
    periodo: Periodo
    inicio_anio: date = field(init=False)
    inicio_trimestre: date = field(init=False)
    inicio_mes: date = field(init=False)
    fin: date = field(init=False)
    fin_anterior: date | None = field(init=False)
    regional_de: dict[str, str] = field(init=False)
    duenio: dict[str, str] = field(init=False)
    asignaciones_excluidas: list[Asignacion] = field(init=False)

    def __post_init__(self) -> None:
        p = self.periodo
        self.inicio_anio = date(2011, 12, 26)
        self.inicio_trimestre = Periodo(2012, 3 * ((p.mes - 1) // 3) + 1).inicio
        self.inicio_mes = p.inicio
        self.fin = p.fin
        self.fin_anterior = Periodo(2012, p.mes - 1).fin if p.mes > 1 else None
        self.regional_de = {g.id: g.regional.codigo for g in self.datos.gestores}
        self.duenio: dict[str, str] = {}
        self.asignaciones_excluidas: list[Asignacion] = []
        vistas: set[str] = set()
        for a in self.datos.asignaciones:
            if a.nit in vistas or a.gestor not in self.regional_de:
                self.asignaciones_excluidas.append(a)
            else:
                self.duenio[a.nit] = a.gestor
            vistas.add(a.nit)

    def en_anio(self, f: date) -> bool:
        return self.inicio_anio <= f <= self.fin

    def en_trimestre(self, f: date) -> bool:
        return self.inicio_trimestre <= f <= self.fin

    def en_mes(self, f: date) -> bool:
        return self.inicio_mes <= f <= self.fin

    def conocido(self, gestor: str | None) -> bool:
        return gestor is None or gestor in self.regional_de

    def cartera(self, gestor: str) -> set[str]:
        return {nit for nit, g in self.duenio.items() if g == gestor}

    # Contactos (R14, R15)
    def contacto_cuenta(self, c: Contacto) -> bool:
        if c.gestor not in self.regional_de or not self.en_anio(c.fecha):
            return False
        return self.duenio.get(c.nit) == c.gestor or self.en_trimestre(c.fecha)

    def contactos_a_cartera(self, gestor: str) -> list[Contacto]:
        return [
            c
            for c in self.datos.contactos
            if c.gestor == gestor and self.duenio.get(c.nit) == gestor and self.en_anio(c.fecha)
        ]

    def contactadas(self, gestor: str) -> set[str]:
        return {c.nit for c in self.contactos_a_cartera(gestor) if self.en_trimestre(c.fecha)}

    # Servicios (R16)
    def servicio_elegible(self, s: ServicioUsado) -> bool:
        gestor = self.duenio.get(s.nit)
        return (
            self.en_trimestre(s.fecha) and gestor is not None and s.nit in self.contactadas(gestor)
        )

    # Solicitudes (R17)
    def solicitud_cuenta(self, s: Solicitud) -> bool:
        return self.conocido(s.gestor) and self.en_mes(s.fecha)

    def gestionada(self, s: Solicitud) -> bool:
        return s.fecha_gestion is not None and s.fecha_gestion <= self.fin

    # Contratos (R19)
    def voluntarios(self, nits: Iterable[str]) -> tuple[int, int, int]:
        """Voluntarios, dentro de cuota e incremento del mes de unas empresas."""
        voluntarios = dentro = incremento = 0
        corte_anterior = self.fin_anterior
        for nit in set(nits):
            suyos = [c for c in self.datos.contratos if c.nit == nit and self.en_anio(c.fecha)]
            if not suyos:
                continue
            c = suyos[0]
            antes = 0 if corte_anterior is None else sum(x.fecha <= corte_anterior for x in suyos)

            def vol(n: int, c: ContratoAprendizaje = c) -> int:
                return max(0, n - c.cuota_regulada) if c.obligada else n

            voluntarios += vol(len(suyos))
            dentro += len(suyos) - vol(len(suyos))
            incremento += vol(len(suyos)) - vol(antes)
        return voluntarios, dentro, incremento

    def sin_gestor(self, codigo: str) -> dict[str, Any]:
        """Las cifras de una regional que no son de ningún gestor: solicitudes sin gestor,
        contratos de empresas sin asignar y eventos sin gestor (R17, R19, R21)."""
        solicitudes = [
            s
            for s in self.datos.solicitudes
            if s.gestor is None and s.regional.codigo == codigo and self.solicitud_cuenta(s)
        ]
        nits = {
            c.nit
            for c in self.datos.contratos
            if c.regional.codigo == codigo and c.nit not in self.duenio
        }
        voluntarios, dentro, incremento = self.voluntarios(nits)
        eventos = [
            e
            for e in self.datos.eventos
            if e.gestor is None and e.regional.codigo == codigo and self.en_anio(e.fecha)
        ]
        del_mes = [e for e in eventos if self.en_mes(e.fecha)]
        return {
            "EG.numerador": sum(self.gestionada(s) for s in solicitudes),
            "EG.denominador": len(solicitudes),
            "CV.numerador": voluntarios,
            "CV.dentro_de_cuota": dentro,
            "CV.incremento_mes": incremento,
            "PE.numerador": len(del_mes),
            "PE.asistentes": sum(e.asistentes for e in del_mes),
            "PE.eventos_anio": len(eventos),
            "PE.asistentes_anio": sum(e.asistentes for e in eventos),
        }


def _excluidos(inf: Informe, tipo: type[Any]) -> Counter[Any]:
    return Counter(e.registro for e in inf.excluidos if isinstance(e.registro, tipo))


def _cifras(tablero: Tablero) -> dict[str, Any]:
    """Las cifras aditivas de un tablero: numeradores, denominadores y conteos del detalle."""
    cifras: dict[str, Any] = {}
    for r in tablero.resultados:
        cifras[f"{r.indicador.name}.numerador"] = r.numerador
        if r.denominador is not None:
            cifras[f"{r.indicador.name}.denominador"] = r.denominador
    ec = tablero.ec.detalle
    cifras["EC.fuera_de_cartera"] = ec["fuera_de_cartera"]
    for tipo, medios in ec["por_tipo_y_medio"].items():
        for medio, n in medios.items():
            cifras[f"EC.{tipo}.{medio}"] = n
    cifras["EP.empresas_con_2_servicios"] = tablero.ep.detalle["empresas_con_2_servicios"]
    for clave in ("valor_pesos", "cantidad_anio", "valor_pesos_anio"):
        cifras[f"AF.{clave}"] = tablero.af.detalle[clave]
    for clave in ("incremento_mes", "dentro_de_cuota"):
        cifras[f"CV.{clave}"] = tablero.cv.detalle[clave]
    for clave in ("asistentes", "eventos_anio", "asistentes_anio"):
        cifras[f"PE.{clave}"] = tablero.pe.detalle[clave]
    return cifras


def _sumar(*partes: Mapping[str, Any]) -> dict[str, Any]:
    total: dict[str, Any] = {}
    for parte in partes:
        for clave, valor in parte.items():
            total[clave] = total.get(clave, 0) + valor
    return total


def _con_ceros(cifras: Mapping[str, Any], esperado: Mapping[str, Any]) -> bool:
    """Las cifras coinciden con las esperadas, donde lo que no se espera vale cero."""
    return set(esperado) <= set(cifras) and all(
        valor == esperado.get(clave, 0) for clave, valor in cifras.items()
    )


def _listas(tableros: Iterable[Tablero]) -> tuple[list[str], list[str]]:
    """Las listas del detalle de varios tableros, juntas y ordenadas."""
    menos_de_3: list[str] = []
    razones: list[str] = []
    for t in tableros:
        menos_de_3 += t.ec.detalle["empresas_con_menos_de_3_contactos"]
        razones += t.pe.detalle["razones"]
    return sorted(menos_de_3), sorted(razones)


# --- R23: nada se pierde -----------------------------------------------------------------


@AJUSTES
@given(casos())
def test_r23_cada_registro_se_cuenta_o_se_excluye_una_sola_vez(caso: Caso) -> None:
    d, o = caso.datos, Oraculo(caso.datos, caso.periodo)
    inf = informe(d, caso.periodo)
    nacion = inf.nacional

    # Asignaciones: las válidas son el denominador de EC.
    assert _excluidos(inf, Asignacion) == Counter(o.asignaciones_excluidas)
    assert nacion.ec.denominador == len(o.duenio)
    assert nacion.ec.denominador + len(o.asignaciones_excluidas) == len(d.asignaciones)

    # Contactos: a la propia cartera en el año + fuera de la cartera en el trimestre.
    contados = [c for c in d.contactos if o.contacto_cuenta(c)]
    excluidos = [c for c in d.contactos if not o.contacto_cuenta(c)]
    assert _excluidos(inf, Contacto) == Counter(excluidos)
    assert len(contados) + len(excluidos) == len(d.contactos)
    for g in d.gestores:
        ec = inf.gestor(g.id).ec
        propios = o.contactos_a_cartera(g.id)
        del_trimestre = [c for c in propios if o.en_trimestre(c.fecha)]
        fuera = [c for c in contados if c.gestor == g.id and o.duenio.get(c.nit) != g.id]
        assert (ec.numerador, ec.denominador) == (len(o.contactadas(g.id)), len(o.cartera(g.id)))
        assert ec.detalle["fuera_de_cartera"] == len(fuera)
        por_tipo = Counter((c.tipo.name, c.medio.name) for c in del_trimestre)
        assert {
            (t, m): n
            for t, medios in ec.detalle["por_tipo_y_medio"].items()
            for m, n in medios.items()
            if n
        } == dict(por_tipo)
        en_el_anio = Counter(c.nit for c in propios)
        assert ec.detalle["empresas_con_menos_de_3_contactos"] == tuple(
            sorted(n for n in o.cartera(g.id) if en_el_anio[n] < 3)
        )
        # Lo que cuenta de este gestor: los de su cartera en el año y los de fuera.
        assert len([c for c in contados if c.gestor == g.id]) == len(propios) + len(fuera)

    # Servicios: pares distintos de empresas contactadas; el resto, excluido.
    elegibles = [s for s in d.servicios if o.servicio_elegible(s)]
    no_elegibles = Counter(s for s in d.servicios if not o.servicio_elegible(s))
    pares = Counter((s.nit, s.servicio) for s in elegibles)
    repetidos = _excluidos(inf, ServicioUsado) - no_elegibles
    assert _excluidos(inf, ServicioUsado) - repetidos == no_elegibles
    assert not repetidos - Counter(elegibles)
    assert Counter((s.nit, s.servicio) for s in repetidos.elements()) == pares - Counter(set(pares))
    assert nacion.ep.numerador == len(pares)
    assert nacion.ep.numerador + repetidos.total() + no_elegibles.total() == len(d.servicios)

    # Solicitudes: las recibidas en el mes, de gestor conocido o sin gestor.
    contadas = [s for s in d.solicitudes if o.solicitud_cuenta(s)]
    assert _excluidos(inf, Solicitud) == Counter(
        s for s in d.solicitudes if not o.solicitud_cuenta(s)
    )
    assert nacion.eg.denominador == len(contadas)
    assert nacion.eg.numerador == sum(o.gestionada(s) for s in contadas)

    # Ambientes, eventos y logros: los del año, de gestores conocidos.
    ambientes = [a for a in d.ambientes if a.gestor in o.regional_de and o.en_anio(a.fecha)]
    assert _excluidos(inf, Ambiente) == Counter(d.ambientes) - Counter(ambientes)
    assert nacion.af.detalle["cantidad_anio"] == sum(a.cantidad for a in ambientes)
    assert nacion.af.detalle["valor_pesos_anio"] == sum(a.valor for a in ambientes)
    assert nacion.af.valor == sum(a.cantidad for a in ambientes if o.en_mes(a.fecha))
    eventos = [e for e in d.eventos if o.conocido(e.gestor) and o.en_anio(e.fecha)]
    assert _excluidos(inf, Evento) == Counter(d.eventos) - Counter(eventos)
    assert nacion.pe.detalle["eventos_anio"] == len(eventos)
    assert nacion.pe.detalle["asistentes_anio"] == sum(e.asistentes for e in eventos)
    logros = [x for x in d.logros if x.gestor in o.regional_de and o.en_anio(x.fecha)]
    assert _excluidos(inf, LogroSismeg) == Counter(d.logros) - Counter(logros)
    assert nacion.sismeg_formados.valor == sum(x.formados for x in logros)
    assert nacion.sismeg_empleos.valor == sum(x.empleos for x in logros)

    # Contratos: los del año, como voluntarios o dentro de la cuota.
    contratos = [c for c in d.contratos if o.en_anio(c.fecha)]
    assert _excluidos(inf, ContratoAprendizaje) == Counter(d.contratos) - Counter(contratos)
    voluntarios, dentro, incremento = o.voluntarios(c.nit for c in d.contratos)
    assert (nacion.cv.valor, nacion.cv.detalle["dentro_de_cuota"]) == (voluntarios, dentro)
    assert nacion.cv.detalle["incremento_mes"] == incremento
    assert voluntarios + dentro == len(contratos)

    # Cuotas: las de empresas asignadas con cuota regulada.
    cuotas = [c for c in d.cuotas if c.nit in o.duenio and c.cuota_regulada > 0]
    assert _excluidos(inf, EmpresaCuota) == Counter(d.cuotas) - Counter(cuotas)
    assert (nacion.em.numerador, nacion.em.denominador) == (
        sum(c.monetiza for c in cuotas),
        len(cuotas),
    )

    # Ningún registro se excluye dos veces (SISMEG da dos indicadores de los mismos logros).
    assert len(inf.excluidos) == sum(inf.resumen_excluidos().values())
    assert Counter(e.registro for e in inf.excluidos) <= Counter(d.registros())


# --- R22: la consolidación suma ----------------------------------------------------------


@AJUSTES
@given(casos())
def test_r22_nacion_suma_regionales_y_regional_suma_gestores_y_lo_sin_gestor(caso: Caso) -> None:
    inf = informe(caso.datos, caso.periodo)
    o = Oraculo(caso.datos, caso.periodo)
    regionales = list(inf.regionales.values())
    assert _cifras(inf.nacional) == _sumar(*(_cifras(t) for t in regionales))
    assert _listas([inf.nacional]) == _listas(regionales)
    gestores = list(inf.gestores.values())
    assert _sumar(*(_cifras(inf.rol(rol)) for rol in Rol)) == _sumar(
        *(_cifras(t) for t in gestores)
    )
    for rol in Rol:
        suyos = [inf.gestor(g.id) for g in caso.datos.gestores if g.rol is rol]
        assert _con_ceros(_cifras(inf.rol(rol)), _sumar(*(_cifras(t) for t in suyos)))
        assert _listas([inf.rol(rol)]) == _listas(suyos)
    for codigo, tablero in inf.regionales.items():
        suyos = [inf.gestor(g.id) for g in caso.datos.gestores if g.regional.codigo == codigo]
        esperado = _sumar(*(_cifras(t) for t in suyos), o.sin_gestor(codigo))
        assert _con_ceros(_cifras(tablero), esperado)
        assert _listas([tablero])[0] == _listas(suyos)[0]


# --- Monotonía, orden y límites ----------------------------------------------------------


@AJUSTES
@given(
    casos(),
    st.builds(
        Contacto,
        gestor=st.sampled_from(["g0", "g1", "g2", "g3", "g4"]),
        nit=st.sampled_from(NITS),
        fecha=fechas,
        tipo=st.sampled_from(TipoContacto),
        medio=st.sampled_from(MedioContacto),
    ),
)
def test_r14_anadir_un_contacto_nunca_baja_la_cobertura(caso: Caso, contacto: Contacto) -> None:
    antes = informe(caso.datos, caso.periodo)
    con_uno_mas = attrs.evolve(caso.datos, contactos=[*caso.datos.contactos, contacto])
    despues = informe(con_uno_mas, caso.periodo)
    for t_antes, t_despues in zip(antes.tableros, despues.tableros, strict=True):
        a, b = t_antes.ec, t_despues.ec
        assert b.denominador == a.denominador
        assert b.numerador >= a.numerador
        assert (a.valor is None and b.valor is None) or (
            a.valor is not None and b.valor is not None and b.valor >= a.valor
        )


def _barajar(datos: DatosSeguimiento, azar: Random) -> DatosSeguimiento:
    campos: dict[str, Any] = {}
    for atributo in attrs.fields(DatosSeguimiento):
        if atributo.init:
            coleccion = list(getattr(datos, atributo.name))
            azar.shuffle(coleccion)
            campos[atributo.name] = coleccion
    return DatosSeguimiento(**campos)


@AJUSTES
@given(casos(), st.randoms(use_true_random=False))
def test_r22_el_informe_no_depende_del_orden_de_los_registros(caso: Caso, azar: Random) -> None:
    original = informe(caso.datos, caso.periodo)
    barajado = informe(_barajar(caso.datos, azar), caso.periodo)
    assert barajado.filas() == original.filas()
    assert [r.detalle for t in barajado.tableros for r in t.resultados] == [
        r.detalle for t in original.tableros for r in t.resultados
    ]
    assert barajado.resumen_excluidos() == original.resumen_excluidos()


@AJUSTES
@given(casos())
def test_r24_las_razones_quedan_en_sus_limites(caso: Caso) -> None:
    inf = informe(caso.datos, caso.periodo)
    for tablero in inf.tableros:
        for resultado in (tablero.ec, tablero.eg, tablero.em):
            assert (resultado.valor is None) == (resultado.denominador == 0)
            assert resultado.valor is None or Decimal(0) <= resultado.valor <= Decimal(1)
        ep = tablero.ep
        assert (ep.valor is None) == (ep.denominador == 0)
        assert ep.valor is None or ep.valor >= 0
        for resultado in (tablero.af, tablero.cv, tablero.pe, tablero.sismeg_formados):
            assert isinstance(resultado.valor, int)
            assert resultado.valor >= 0


@AJUSTES
@given(casos())
def test_r22_las_filas_por_columnas_son_las_de_los_tableros(caso: Caso) -> None:
    """La vía del motor tabular (`_columnas`: sin tableros ni detalles, el criterio de los
    gestores tomado una vez, el resultado una vez por cifras) da exactamente las filas de
    `Informe.filas()`."""
    ctx = Contexto.de(caso.periodo, PARAMETROS_2012)
    columnas = _columnas(caso.datos.indice.gestores, ctx, _calcular(caso.datos, ctx))
    por_columnas = [list(fila) for fila in zip(*columnas.values(), strict=True)]
    filas = informe(caso.datos, caso.periodo).filas()
    # Mismos valores y mismos tipos (`Decimal("1")` y `1` son iguales para `==`).
    assert [[(v, type(v)) for v in f] for f in por_columnas] == [
        [(v, type(v)) for v in f.values()] for f in filas
    ]
