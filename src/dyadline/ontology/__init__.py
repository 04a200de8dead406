"""dyadline.ontology"""
