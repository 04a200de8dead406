"""dyadline.export"""
