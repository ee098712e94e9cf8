"""Pruebas de la matriz de relacionamiento (R6) y del enrutamiento de solicitudes del CRM (R7).

La matriz se compara con el cuadro de segmentación de empresas de la circular, copiado aquí
tal como lo trae el texto; el enrutamiento, con el orden de preferencia de R7.
"""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sena_relacionamiento._texto import normalizar
from sena_relacionamiento.enumeraciones import Rol, TipoEmpresa
from sena_relacionamiento.errores import DatoInvalido, RegistroInconsistente, SinDestino
from sena_relacionamiento.regionales import REGIONALES, Regional, regional
from sena_relacionamiento.registros import Asignacion, Gestor
from sena_relacionamiento.relacionamiento import (
    MATRIZ_RELACIONAMIENTO,
    Alcance,
    Canal,
    Destino,
    Gremio,
    Relacionamiento,
    SegmentoEmpresa,
    Tema,
    TipoDestino,
    enrutar_solicitud,
    relacionamiento,
    segmento_empresa,
)

# El cuadro de la circular (§ cuadro de segmentación de empresas), columna por columna:
# segmento | alcance | temas | canal.
CUADRO_CIRCULAR = (
    (
        "Grandes y Gremios Nacionales",
        "Convenio Marco Plurianual y Derivados Anuales",
        "1. Innovación 2. Cooperación Internacional 3. Formación Integral 4. Certificación de "
        "Competencias 5. Empleo (SNE) 6. Contrato de aprendizaje Voluntario 7. Emprendimiento y "
        "Fortalecimiento (Comunidad) 8. Ambientes de Aprendizaje 9. Inclusión Social 10. "
        "Empresas Formadoras",
        "Gestores Estratégicos en Regionales y Dirección Nacional",
    ),
    (
        "Medianas y Gremios Regionales",
        "Plan Derivado Anual o POR demanda",
        "1. Innovación 2. Formación Integral 3. Certificación de Competencias 4. Empleo (SNE) 5. "
        "Contrato de aprendizaje voluntario.",
        "Gestores Regionales por demanda",
    ),
    (
        "PYMES",
        "Por solicitud o Demanda",
        "El que solicite la empresa puntualmente",
        "Contact Center",
    ),
)


def _temas_numerados(texto: str) -> list[str]:
    """Los temas de una celda "1. A 2. B …", en orden."""
    return [t.strip() for t in re.split(r"\d+\.\s", texto) if t.strip()]


# --- R6: la matriz ---


@pytest.mark.parametrize(("segmento", "alcance", "temas", "canal"), CUADRO_CIRCULAR)
def test_r6_matriz_contra_el_cuadro_de_la_circular(
    segmento: str, alcance: str, temas: str, canal: str
) -> None:
    fila = relacionamiento(segmento)
    assert normalizar(fila.segmento.etiqueta) == normalizar(segmento)
    assert normalizar(fila.alcance.etiqueta) == normalizar(alcance)
    assert normalizar(fila.canal.etiqueta) == normalizar(canal)
    if segmento == "PYMES":
        # "el que solicite la empresa": cualquiera de los diez, por solicitud.
        assert fila.temas == tuple(Tema)
        assert fila.solo_por_solicitud is True
    else:
        esperados = [normalizar(t) for t in _temas_numerados(temas)]
        assert [normalizar(t.etiqueta) for t in fila.temas] == esperados
        assert fila.solo_por_solicitud is False


def test_r6_la_matriz_tiene_una_fila_por_segmento() -> None:
    assert list(MATRIZ_RELACIONAMIENTO) == list(SegmentoEmpresa)
    assert all(fila.segmento is s for s, fila in MATRIZ_RELACIONAMIENTO.items())


def test_r6_los_diez_temas_en_el_orden_de_la_circular() -> None:
    circular = _temas_numerados(CUADRO_CIRCULAR[0][2])
    assert len(circular) == 10
    assert [Tema.de(t) for t in circular] == list(Tema)
    assert [t.name for t in Tema] == [
        "INNOVACION",
        "COOPERACION_INTERNACIONAL",
        "FORMACION_INTEGRAL",
        "CERTIFICACION_COMPETENCIAS",
        "EMPLEO_SNE",
        "CONTRATO_APRENDIZAJE_VOLUNTARIO",
        "EMPRENDIMIENTO_FORTALECIMIENTO",
        "AMBIENTES_APRENDIZAJE",
        "INCLUSION_SOCIAL",
        "EMPRESAS_FORMADORAS",
    ]


def test_r6_etiquetas_con_tildes_y_nombres_ascii() -> None:
    assert Tema.INNOVACION.etiqueta == "Innovación"
    assert Tema.EMPLEO_SNE.etiqueta == "Empleo (SNE)"
    assert Canal.GESTORES_ESTRATEGICOS.etiqueta == (
        "Gestores estratégicos en regionales y Dirección Nacional"
    )
    assert Alcance.POR_SOLICITUD.etiqueta == "Por solicitud o demanda"
    assert TipoDestino.LIDER_DE_CENTRO.etiqueta == "Líder de Centro"
    for clase in (SegmentoEmpresa, Tema, Canal, Alcance, Gremio, TipoDestino):
        assert all(m.name.isascii() for m in clase)


def test_r6_una_mediana_no_puede_recibir_cooperacion_internacional() -> None:
    medianas = relacionamiento(SegmentoEmpresa.MEDIANAS_Y_GREMIOS_REGIONALES)
    assert not medianas.admite(Tema.COOPERACION_INTERNACIONAL)
    assert not medianas.admite("cooperacion internacional")
    assert not medianas.admite("COOPERACION_INTERNACIONAL")
    assert medianas.admite("Empleo (SNE)")
    fuera = {
        Tema.COOPERACION_INTERNACIONAL,
        Tema.EMPRENDIMIENTO_FORTALECIMIENTO,
        Tema.AMBIENTES_APRENDIZAJE,
        Tema.INCLUSION_SOCIAL,
        Tema.EMPRESAS_FORMADORAS,
    }
    assert {t for t in Tema if not medianas.admite(t)} == fuera


@given(st.sampled_from(list(Tema)))
def test_r6_pymes_se_atienden_solo_por_solicitud_en_cualquier_tema(tema: Tema) -> None:
    pymes = relacionamiento(SegmentoEmpresa.PYMES)
    assert pymes.solo_por_solicitud
    assert pymes.canal is Canal.CONTACT_CENTER
    assert pymes.admite(tema)
    assert pymes.admite(tema.etiqueta)


@given(st.sampled_from(list(Tema)))
def test_r6_grandes_admiten_los_diez_temas(tema: Tema) -> None:
    assert relacionamiento("grandes y gremios nacionales").admite(tema.name)


def test_r6_solo_pymes_es_solo_por_solicitud() -> None:
    assert {s for s, f in MATRIZ_RELACIONAMIENTO.items() if f.solo_por_solicitud} == {
        SegmentoEmpresa.PYMES
    }


def test_r6_tema_desconocido_es_dato_invalido() -> None:
    with pytest.raises(DatoInvalido, match="tema: no es un valor de Tema") as error:
        relacionamiento("PYMES").admite("astrología")
    assert error.value.valor == "astrología"
    with pytest.raises(DatoInvalido, match="tema"):
        relacionamiento("PYMES").admite(3)  # type: ignore[arg-type]


def test_r6_segmento_por_miembro_nombre_o_etiqueta() -> None:
    esperado = MATRIZ_RELACIONAMIENTO[SegmentoEmpresa.PYMES]
    assert relacionamiento(SegmentoEmpresa.PYMES) is esperado
    assert relacionamiento("pymes") is esperado
    assert relacionamiento(" Pymes ") is esperado
    with pytest.raises(DatoInvalido, match="segmento: no es un valor de SegmentoEmpresa"):
        relacionamiento("microempresas")
    with pytest.raises(DatoInvalido, match="segmento"):
        relacionamiento(None)  # type: ignore[arg-type]


def test_r6_la_matriz_es_inmutable() -> None:
    fila = relacionamiento("PYMES")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fila.solo_por_solicitud = False  # type: ignore[misc]
    with pytest.raises(TypeError):
        MATRIZ_RELACIONAMIENTO[SegmentoEmpresa.PYMES] = fila  # type: ignore[index]
    assert hash(MATRIZ_RELACIONAMIENTO) == hash(MATRIZ_RELACIONAMIENTO)


def test_r6_relacionamiento_valida_y_ordena_sus_campos() -> None:
    fila = Relacionamiento(
        segmento="pymes",
        alcance="por solicitud",
        temas=["Inclusión social", Tema.INNOVACION],
        canal="contact center",
        solo_por_solicitud=True,
    )
    assert fila.temas == (Tema.INNOVACION, Tema.INCLUSION_SOCIAL)  # orden de la circular
    assert fila.alcance is Alcance.POR_SOLICITUD
    assert fila.canal is Canal.CONTACT_CENTER


@pytest.mark.parametrize(
    ("cambio", "campo"),
    [
        ({"temas": "Innovación"}, "temas"),
        ({"temas": 7}, "temas"),
        ({"temas": ()}, "temas"),
        ({"temas": (Tema.INNOVACION, "innovacion")}, "temas"),
        ({"temas": (Tema.INNOVACION, "magia")}, "temas[1]"),
        ({"solo_por_solicitud": "sí"}, "solo_por_solicitud"),
        ({"alcance": "eterno"}, "alcance"),
        ({"canal": "paloma"}, "canal"),
        ({"segmento": "enormes"}, "segmento"),
    ],
)
def test_r6_relacionamiento_rechaza_valores_malos(cambio: dict[str, object], campo: str) -> None:
    campos: dict[str, object] = {
        "segmento": SegmentoEmpresa.PYMES,
        "alcance": Alcance.POR_SOLICITUD,
        "temas": (Tema.INNOVACION,),
        "canal": Canal.CONTACT_CENTER,
        "solo_por_solicitud": True,
    }
    with pytest.raises(DatoInvalido) as error:
        Relacionamiento(**(campos | cambio))
    assert error.value.campo == campo


def test_r6_tema_repetido_se_nombra() -> None:
    with pytest.raises(DatoInvalido, match="repetidos: INNOVACION"):
        Relacionamiento(
            segmento="pymes",
            alcance="por solicitud",
            temas=(Tema.INNOVACION, "Innovación", Tema.EMPLEO_SNE),
            canal="contact center",
            solo_por_solicitud=True,
        )


# --- R6: segmento de una empresa (decisión del proyecto) ---


@pytest.mark.parametrize(
    ("tipo", "segmento"),
    [
        (TipoEmpresa.A, SegmentoEmpresa.GRANDES_Y_GREMIOS_NACIONALES),
        (TipoEmpresa.B, SegmentoEmpresa.MEDIANAS_Y_GREMIOS_REGIONALES),
        (TipoEmpresa.NO_FOCALIZADA, SegmentoEmpresa.PYMES),
        ("Tipo A", SegmentoEmpresa.GRANDES_Y_GREMIOS_NACIONALES),
        ("b", SegmentoEmpresa.MEDIANAS_Y_GREMIOS_REGIONALES),
        ("no focalizada", SegmentoEmpresa.PYMES),
    ],
)
def test_r6_segmento_de_una_empresa_por_su_tipo(
    tipo: TipoEmpresa | str, segmento: SegmentoEmpresa
) -> None:
    assert segmento_empresa(tipo) is segmento


@given(st.sampled_from([*TipoEmpresa, None]))
def test_r6_el_gremio_decide_el_segmento_sea_cual_sea_el_tipo(tipo: TipoEmpresa | None) -> None:
    assert segmento_empresa(tipo, gremio=Gremio.NACIONAL) is (
        SegmentoEmpresa.GRANDES_Y_GREMIOS_NACIONALES
    )
    assert segmento_empresa(tipo, gremio="gremio regional") is (
        SegmentoEmpresa.MEDIANAS_Y_GREMIOS_REGIONALES
    )


def test_r6_segmento_empresa_rechaza_datos_malos() -> None:
    with pytest.raises(DatoInvalido, match="tipo de la empresa") as sin_nada:
        segmento_empresa()
    assert sin_nada.value.campo == "tipo"
    with pytest.raises(DatoInvalido) as tipo_malo:
        segmento_empresa("Tipo Z", gremio=Gremio.NACIONAL)
    assert tipo_malo.value.campo == "tipo"
    with pytest.raises(DatoInvalido) as gremio_malo:
        segmento_empresa(TipoEmpresa.A, gremio="internacional")
    assert gremio_malo.value.campo == "gremio"


# --- R7: enrutamiento de solicitudes del CRM ---

HUILA = regional("Huila")
META = regional("Meta")


def _gestor(id_: str, rol: Rol, reg: str = "Huila") -> Gestor:
    return Gestor(id=id_, rol=rol, regional=reg)


ESTRATEGICO_HUILA = _gestor("e-huila", Rol.ESTRATEGICO)
EMPRESARIAL_META = _gestor("m-meta", Rol.EMPRESARIAL, "Meta")
EMPRESARIAL_HUILA_1 = _gestor("h-1", Rol.EMPRESARIAL)
EMPRESARIAL_HUILA_2 = _gestor("h-2", Rol.EMPRESARIAL)
ASIGNACIONES = (
    Asignacion(gestor="asignado", nit="900123456"),
    Asignacion(gestor="otro", nit="800111222"),
)


def test_r7_empresa_asignada_va_a_su_gestor() -> None:
    destino = enrutar_solicitud(
        "900.123.456-8",
        "Huila",
        asignaciones=ASIGNACIONES,
        disponibles=[EMPRESARIAL_HUILA_1, _gestor("asignado", Rol.EMPRESARIAL)],
        lider_de_centro="lider",
    )
    assert destino == Destino(
        tipo=TipoDestino.GESTOR_ASIGNADO,
        id="asignado",
        motivo="la empresa 900123456 está en la base asignada al gestor 'asignado'",
    )


def test_r7_empresa_asignada_va_a_su_gestor_aunque_no_este_disponible() -> None:
    destino = enrutar_solicitud(
        900123456, "Meta", asignaciones=ASIGNACIONES, disponibles=[EMPRESARIAL_META]
    )
    assert destino.tipo is TipoDestino.GESTOR_ASIGNADO
    assert destino.id == "asignado"
    assert destino.motivo.endswith("aunque no figura entre los disponibles")


def test_r7_una_asignacion_repetida_al_mismo_gestor_no_es_inconsistente() -> None:
    repetidas = [*ASIGNACIONES, Asignacion(gestor="asignado", nit="0900123456")]
    destino = enrutar_solicitud("900123456", HUILA, asignaciones=repetidas, disponibles=[])
    assert destino.id == "asignado"


def test_r7_empresa_asignada_a_dos_gestores_es_registro_inconsistente() -> None:
    a = Asignacion(gestor="g-a", nit="900123456")
    b = Asignacion(gestor="g-b", nit="900.123.456-8")
    with pytest.raises(RegistroInconsistente, match=r"900123456.*'g-a', 'g-b'") as error:
        enrutar_solicitud(
            "900123456", "Huila", asignaciones=[b, a], disponibles=[EMPRESARIAL_HUILA_1]
        )
    assert set(error.value.registros) == {a, b}


def test_r7_otra_empresa_asignada_a_dos_gestores_no_estorba() -> None:
    a = Asignacion(gestor="g-a", nit="700000001")
    b = Asignacion(gestor="g-b", nit="700000001")
    destino = enrutar_solicitud(
        "900123456", "Huila", asignaciones=[a, b, *ASIGNACIONES], disponibles=[]
    )
    assert destino.id == "asignado"


def test_r7_sin_asignar_va_al_primer_empresarial_de_la_regional() -> None:
    disponibles = [ESTRATEGICO_HUILA, EMPRESARIAL_META, EMPRESARIAL_HUILA_1, EMPRESARIAL_HUILA_2]
    destino = enrutar_solicitud(
        "123456789",
        "huila",
        asignaciones=ASIGNACIONES,
        disponibles=disponibles,
        lider_de_centro="lider",
    )
    assert destino == Destino(
        tipo=TipoDestino.GESTOR_EMPRESARIAL,
        id="h-1",
        motivo="la empresa 123456789 no está en la base asignada; se dirige al primer gestor "
        "empresarial disponible de la regional Huila",
    )
    # El desempate es el orden de `disponibles`.
    al_reves = enrutar_solicitud(
        "123456789", "Huila", asignaciones=ASIGNACIONES, disponibles=disponibles[::-1]
    )
    assert al_reves.id == "h-2"


def test_r7_estrategicos_y_gestores_de_otra_regional_no_reciben() -> None:
    destino = enrutar_solicitud(
        "123456789",
        "Huila",
        asignaciones=ASIGNACIONES,
        disponibles=[ESTRATEGICO_HUILA, EMPRESARIAL_META],
        lider_de_centro="  lider   centro 41 ",
    )
    assert destino == Destino(
        tipo=TipoDestino.LIDER_DE_CENTRO,
        id="lider centro 41",
        motivo="la empresa 123456789 no está en la base asignada y no hay gestor empresarial "
        "disponible en la regional Huila; se dirige al Líder de Centro",
    )


def test_r7_sin_gestores_disponibles_va_al_lider_de_centro() -> None:
    destino = enrutar_solicitud(
        "123456789", "Huila", asignaciones=[], disponibles=[], lider_de_centro="lider-41"
    )
    assert (destino.tipo, destino.id) == (TipoDestino.LIDER_DE_CENTRO, "lider-41")


def test_r7_nadie_es_sin_destino() -> None:
    with pytest.raises(SinDestino) as error:
        enrutar_solicitud(
            "123.456.789",
            "41",
            asignaciones=ASIGNACIONES,
            disponibles=[ESTRATEGICO_HUILA, EMPRESARIAL_META],
        )
    mensaje = str(error.value)
    assert "123456789" in mensaje
    assert "Huila" in mensaje
    assert "no está en la base asignada" in mensaje
    assert "no se indicó Líder de Centro" in mensaje


_POZO = [
    _gestor(f"{rol.name[:3]}-{reg}-{n}", rol, reg)
    for rol in Rol
    for reg in ("Huila", "Meta")
    for n in range(2)
]


@given(
    st.lists(st.sampled_from(_POZO), unique=True, max_size=8),
    st.sampled_from([HUILA, META]),
    st.one_of(st.none(), st.just("lider")),
)
def test_r7_propiedad_primer_empresarial_elegible_o_lider(
    disponibles: list[Gestor], reg: object, lider: str | None
) -> None:
    elegibles = [g.id for g in disponibles if g.rol is Rol.EMPRESARIAL and g.regional == reg]
    args = {"asignaciones": ASIGNACIONES, "disponibles": iter(disponibles)}
    if elegibles:
        destino = enrutar_solicitud(5, reg, lider_de_centro=lider, **args)  # type: ignore[arg-type]
        assert (destino.tipo, destino.id) == (TipoDestino.GESTOR_EMPRESARIAL, elegibles[0])
    elif lider is not None:
        destino = enrutar_solicitud(5, reg, lider_de_centro=lider, **args)  # type: ignore[arg-type]
        assert (destino.tipo, destino.id) == (TipoDestino.LIDER_DE_CENTRO, "lider")
    else:
        with pytest.raises(SinDestino):
            enrutar_solicitud(5, reg, lider_de_centro=lider, **args)  # type: ignore[arg-type]


@given(st.sampled_from(REGIONALES), st.lists(st.sampled_from(_POZO), max_size=6))
def test_r7_propiedad_la_base_asignada_manda(reg: Regional, disponibles: list[Gestor]) -> None:
    destino = enrutar_solicitud(
        "800.111.222",
        reg,
        asignaciones=ASIGNACIONES,
        disponibles=disponibles,
    )
    assert (destino.tipo, destino.id) == (TipoDestino.GESTOR_ASIGNADO, "otro")


def test_r7_es_determinista() -> None:
    argumentos = {
        "asignaciones": ASIGNACIONES,
        "disponibles": (EMPRESARIAL_HUILA_2, EMPRESARIAL_HUILA_1),
        "lider_de_centro": "lider",
    }
    primero = enrutar_solicitud("123456789", "Huila", **argumentos)  # type: ignore[arg-type]
    segundo = enrutar_solicitud("123456789", "Huila", **argumentos)  # type: ignore[arg-type]
    assert primero == segundo
    assert primero.id == "h-2"


def test_r7_un_id_con_dos_registros_en_disponibles_es_inconsistente() -> None:
    como_estrategico = _gestor("h-1", Rol.ESTRATEGICO)
    with pytest.raises(RegistroInconsistente, match="'h-1'") as error:
        enrutar_solicitud(
            "123456789",
            "Huila",
            asignaciones=[],
            disponibles=[EMPRESARIAL_HUILA_1, como_estrategico],
        )
    assert error.value.registros == (EMPRESARIAL_HUILA_1, como_estrategico)
    # El mismo registro dos veces no se contradice.
    destino = enrutar_solicitud(
        "123456789", "Huila", asignaciones=[], disponibles=[EMPRESARIAL_HUILA_1] * 2
    )
    assert destino.id == "h-1"


@pytest.mark.parametrize(
    ("argumentos", "campo"),
    [
        ({"nit": "12a"}, "nit"),
        ({"nit": "900.123.456-1"}, "nit"),
        ({"nit": 0}, "nit"),
        ({"nit": 3.5}, "nit"),
        ({"regional": "Atlantida"}, "regional"),
        ({"regional": 2.0}, "regional"),
        ({"regional": None}, "regional"),
        ({"asignaciones": [EMPRESARIAL_HUILA_1]}, "asignaciones[0]"),
        ({"asignaciones": "900123456"}, "asignaciones"),
        ({"asignaciones": 5}, "asignaciones"),
        ({"disponibles": [ASIGNACIONES[0]]}, "disponibles[0]"),
        ({"disponibles": [EMPRESARIAL_HUILA_1, "h-2"]}, "disponibles[1]"),
        ({"lider_de_centro": ""}, "lider_de_centro"),
        ({"lider_de_centro": 41}, "lider_de_centro"),
    ],
)
def test_r7_datos_malos_son_dato_invalido(argumentos: dict[str, object], campo: str) -> None:
    base: dict[str, object] = {
        "nit": "123456789",
        "regional": "Huila",
        "asignaciones": ASIGNACIONES,
        "disponibles": [EMPRESARIAL_HUILA_1],
        "lider_de_centro": "lider",
    }
    completos = base | argumentos
    nit, reg = completos.pop("nit"), completos.pop("regional")
    with pytest.raises(DatoInvalido) as error:
        enrutar_solicitud(nit, reg, **completos)  # type: ignore[arg-type]
    assert error.value.campo == campo


@pytest.mark.parametrize(
    ("argumentos", "campo"),
    [
        ({"tipo": "jefe"}, "tipo"),
        ({"id": ""}, "id"),
        ({"id": 7}, "id"),
        ({"motivo": "   "}, "motivo"),
    ],
)
def test_r7_destino_valida_sus_campos(argumentos: dict[str, object], campo: str) -> None:
    base: dict[str, object] = {"tipo": TipoDestino.GESTOR_ASIGNADO, "id": "g", "motivo": "m"}
    with pytest.raises(DatoInvalido) as error:
        Destino(**(base | argumentos))
    assert error.value.campo == campo
